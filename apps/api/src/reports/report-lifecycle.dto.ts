import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

const PART = 20_000;

export class NarrativeDto {
  @ApiPropertyOptional({ description: 'Actions menées' })
  @IsOptional()
  @IsString({ message: '« actions » doit être un texte' })
  @MaxLength(PART, { message: `« actions » dépasse ${PART} caractères` })
  actions?: string | null;

  @ApiPropertyOptional({ description: 'Difficultés rencontrées' })
  @IsOptional()
  @IsString({ message: '« difficulties » doit être un texte' })
  @MaxLength(PART, { message: `« difficulties » dépasse ${PART} caractères` })
  difficulties?: string | null;

  @ApiPropertyOptional({ description: 'Partenariats' })
  @IsOptional()
  @IsString({ message: '« partnerships » doit être un texte' })
  @MaxLength(PART, { message: `« partnerships » dépasse ${PART} caractères` })
  partnerships?: string | null;

  @ApiPropertyOptional({ description: 'Perspectives' })
  @IsOptional()
  @IsString({ message: '« outlook » doit être un texte' })
  @MaxLength(PART, { message: `« outlook » dépasse ${PART} caractères` })
  outlook?: string | null;
}

export class SaveNarrativeDto {
  @ApiProperty({ description: 'Version lue (verrouillage optimiste) ; 0 si le bilan n’existe pas encore' })
  @Type(() => Number)
  @IsInt({ message: 'la version doit être un entier' })
  version!: number;

  @ApiProperty({ type: NarrativeDto })
  @ValidateNested()
  @Type(() => NarrativeDto)
  narrative!: NarrativeDto;
}

export class TransitionDto {
  @ApiProperty({ description: 'Version lue (verrouillage optimiste)' })
  @Type(() => Number)
  @IsInt({ message: 'la version doit être un entier' })
  version!: number;
}

export class CommentedTransitionDto extends TransitionDto {
  @ApiProperty({ description: 'Motif, obligatoire' })
  @IsString({ message: 'le commentaire doit être un texte' })
  @MinLength(3, { message: 'le commentaire est obligatoire (au moins 3 caractères)' })
  @MaxLength(4000, { message: 'le commentaire dépasse 4000 caractères' })
  comment!: string;
}
