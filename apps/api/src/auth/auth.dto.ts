import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ROLES, type Role } from '../database/entities/auth.entity';

export class LoginDto {
  @ApiProperty({ example: 'operateur@demo.sdat.fr' })
  @IsString({ message: "l'identifiant (email) doit être un texte" })
  @MaxLength(254, { message: "l'identifiant (email) dépasse 254 caractères" })
  email!: string;

  @ApiProperty()
  @IsString({ message: 'le mot de passe doit être un texte' })
  @MaxLength(200, { message: 'le mot de passe dépasse 200 caractères' })
  password!: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_MESSAGE = 'le mot de passe doit compter au moins 12 caractères';

export class CreateUserDto {
  @ApiProperty()
  @Matches(EMAIL, { message: "l'email est invalide" })
  @MaxLength(254, { message: "l'email dépasse 254 caractères" })
  email!: string;

  @ApiProperty()
  @IsString({ message: 'le nom affiché doit être un texte' })
  @MinLength(1, { message: 'le nom affiché est obligatoire' })
  @MaxLength(200, { message: 'le nom affiché dépasse 200 caractères' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `le rôle doit être l'un de : ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ example: 'sdat' })
  @IsString({ message: "le code de l'organisation doit être un texte" })
  organisationCode!: string;

  @ApiProperty()
  @IsString({ message: 'le mot de passe doit être un texte' })
  @MinLength(12, { message: PASSWORD_MESSAGE })
  @MaxLength(200, { message: 'le mot de passe dépasse 200 caractères' })
  password!: string;
}

export class UpdateUserDto {
  @ApiProperty({ description: 'Version lue (verrouillage optimiste)' })
  @Type(() => Number)
  @IsInt({ message: 'la version doit être un entier' })
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'le nom affiché doit être un texte' })
  @MinLength(1, { message: 'le nom affiché est obligatoire' })
  @MaxLength(200, { message: 'le nom affiché dépasse 200 caractères' })
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `le rôle doit être l'un de : ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: "le code de l'organisation doit être un texte" })
  organisationCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '« disabled » doit valoir true ou false' })
  disabled?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'le mot de passe doit être un texte' })
  @MinLength(12, { message: PASSWORD_MESSAGE })
  @MaxLength(200, { message: 'le mot de passe dépasse 200 caractères' })
  password?: string;
}

export class AuditQuery {
  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '« limit » doit être un entier' })
  @Min(1, { message: '« limit » doit être au moins 1' })
  @Max(1000, { message: '« limit » ne peut dépasser 1000' })
  limit?: number;

  @ApiPropertyOptional({ description: 'Lignes antérieures à cet identifiant (pagination)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '« before » doit être un identifiant numérique' })
  before?: string;
}
