import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { YearQuery } from '../reference/reference.dto';

const BASES = ['forecast', 'actual'] as const;
const basisMessage = 'la base doit être « forecast » (prévisionnel) ou « actual » (réalisé)';

export class IndicatorsQuery extends YearQuery {
  @ApiPropertyOptional({ enum: BASES, default: 'actual' })
  @IsOptional()
  @IsIn(BASES, { message: basisMessage })
  basis: 'forecast' | 'actual' = 'actual';
}

export class ComparisonQuery {
  @ApiProperty({ example: 'convention-cadre-sdat-2022' })
  @Matches(/^[a-z0-9-]{1,100}$/, { message: 'agreement doit être un code de convention' })
  agreement!: string;

  @ApiProperty({ example: '2020,2021,2022', description: 'Années séparées par des virgules (10 au plus)' })
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((v) => Number(v.trim())) : value))
  @IsArray({ message: 'years doit être une liste d’années séparées par des virgules' })
  @ArrayMinSize(1, { message: 'years doit contenir au moins une année' })
  @ArrayMaxSize(10, { message: 'years contient 10 années au plus' })
  @IsInt({ each: true, message: 'chaque année doit être un nombre entier' })
  @Min(2000, { each: true, message: 'chaque année doit être comprise entre 2000 et 2100' })
  @Max(2100, { each: true, message: 'chaque année doit être comprise entre 2000 et 2100' })
  years!: number[];

  @ApiPropertyOptional({ enum: BASES, default: 'actual' })
  @IsOptional()
  @IsIn(BASES, { message: basisMessage })
  basis: 'forecast' | 'actual' = 'actual';
}

export class ComparisonExportQuery extends ComparisonQuery {
  @ApiPropertyOptional({ example: 'payroll,entries', description: 'Codes des indicateurs, séparés par des virgules (tous si absent)' })
  @IsOptional()
  @Matches(/^[a-z_]+(,[a-z_]+){0,60}$/, { message: 'indicators doit être une liste de codes d’indicateurs séparés par des virgules' })
  indicators?: string;
}
