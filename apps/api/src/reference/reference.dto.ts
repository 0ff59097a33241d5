import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class YearQuery {
  @ApiProperty({ example: 2022, description: 'Exercice (année)' })
  @Type(() => Number)
  @IsInt({ message: "l'année doit être un nombre entier" })
  @Min(2000, { message: "l'année doit être comprise entre 2000 et 2100" })
  @Max(2100, { message: "l'année doit être comprise entre 2000 et 2100" })
  year!: number;
}

export class BudgetQuery extends YearQuery {
  @ApiPropertyOptional({ enum: ['forecast', 'actual'], default: 'forecast', description: 'prévisionnel (forecast) ou réalisé (actual)' })
  @IsOptional()
  @IsIn(['forecast', 'actual'], { message: 'la base doit être « forecast » (prévisionnel) ou « actual » (réalisé)' })
  basis: 'forecast' | 'actual' = 'forecast';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ObligationsQuery {
  @ApiPropertyOptional({ example: '2022-01-01', description: 'Début de la période (AAAA-MM-JJ), par défaut le 1er janvier de l’année en cours' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from doit être une date AAAA-MM-JJ' })
  from?: string;

  @ApiPropertyOptional({ example: '2023-12-31', description: 'Fin de la période (AAAA-MM-JJ), par défaut un an après le début' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to doit être une date AAAA-MM-JJ' })
  to?: string;

  @ApiPropertyOptional({
    example: 'convention-cadre-sdat-2022',
    description: "Conventions dont les règles continuent après leur validité imprimée (codes séparés par des virgules, ou « all ») ; les échéances ainsi produites sont marquées beyondPrintedValidity",
  })
  @IsOptional()
  @Matches(/^(all|[a-z0-9-]+(,[a-z0-9-]+)*)$/, { message: 'extend doit être « all » ou une liste de codes de conventions séparés par des virgules' })
  extend?: string;
}
