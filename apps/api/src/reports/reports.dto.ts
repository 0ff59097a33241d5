import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

const BASES = ['forecast', 'actual'] as const;

export class ReportQuery {
  @ApiPropertyOptional({
    enum: BASES,
    default: 'actual',
    description: 'réalisé comparé au budget prévisionnel (actual) ou budget prévisionnel seul (forecast)',
  })
  @IsOptional()
  @IsIn(BASES, { message: 'la base doit être « actual » (réalisé) ou « forecast » (prévisionnel)' })
  basis: 'forecast' | 'actual' = 'actual';
}

/** `2022.pdf` → 2022; a French 400 message otherwise. */
export function parseReportYear(file: string): { year: number } | { error: string } {
  const match = /^(\d{4})\.pdf$/.exec(file);
  if (!match) return { error: `Fichier demandé invalide : « ${file.slice(0, 40)} » ; attendu : l'année suivie de .pdf, par exemple 2022.pdf.` };
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return { error: "l'année doit être comprise entre 2000 et 2100" };
  return { year };
}
