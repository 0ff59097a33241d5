import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { BudgetLineEditRequest, EpisodeEditRequest, StaffLineEditRequest } from '@sdat/api-types';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

class Versioned {
  @ApiProperty({ description: 'Version lue (verrouillage optimiste)' })
  @Type(() => Number)
  @IsInt({ message: 'la version doit être un entier' })
  version!: number;
}

export class BudgetLineEdit extends Versioned implements BudgetLineEditRequest {
  @ApiPropertyOptional({ description: 'Montant en centimes' })
  @IsOptional()
  @IsInt({ message: 'le montant (amountCents) doit être un nombre entier de centimes' })
  @Min(-1_000_000_000_00, { message: 'le montant est hors limites' })
  @Max(1_000_000_000_00, { message: 'le montant est hors limites' })
  amountCents?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'le libellé doit être un texte' })
  @MinLength(1, { message: 'le libellé est obligatoire' })
  @MaxLength(300, { message: 'le libellé dépasse 300 caractères' })
  label?: string;
}

export class StaffLineEdit extends Versioned implements StaffLineEditRequest {
  @ApiPropertyOptional({ description: 'ETP (2 décimales)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: "l'ETP doit être un nombre avec au plus 2 décimales" })
  @Min(0, { message: "l'ETP ne peut être négatif" })
  @Max(500, { message: "l'ETP est hors limites" })
  fte?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: "l'intitulé du poste doit être un texte" })
  @MinLength(1, { message: "l'intitulé du poste est obligatoire" })
  @MaxLength(200, { message: "l'intitulé du poste dépasse 200 caractères" })
  jobTitle?: string;
}

export class EpisodeEdit extends Versioned implements EpisodeEditRequest {
  @ApiPropertyOptional({ description: 'Date de sortie (AAAA-MM-JJ) ou null' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(ISO_DATE, { message: 'la date de sortie doit être au format AAAA-MM-JJ' })
  exitDate?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: 'le relais à la sortie doit être un code' })
  handover?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '« leaseTransfer » doit valoir true ou false' })
  leaseTransfer?: boolean;
}
