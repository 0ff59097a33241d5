import type { Content } from 'pdfmake/interfaces';
import { paragraph, sectionTitle, subTitle, table } from '../layout';
import { date } from '../text';
import { CHANGELOG_TITLE } from '../titles';
import type { AnnualReportData } from '../types';

/**
 * « Historique des versions » (version 2 and later): each earlier validated version, who validated
 * it and when, why the pilot reopened it, and which key figures changed in the next version.
 */
export function changelogSection(data: AnnualReportData): Content[] {
  const entries = data.changelog ?? [];
  if (entries.length === 0) return [];
  return [
    sectionTitle(CHANGELOG_TITLE),
    paragraph(
      `Cette version ${data.version} remplace les versions antérieures, qui restent téléchargeables. Chaque réouverture par le pilote et les chiffres clés modifiés sont indiqués ci-dessous.`,
    ),
    ...entries.flatMap((entry) => [
      subTitle(`Version ${entry.version} — validée le ${date(entry.validatedAt)} par ${entry.validatedBy}`),
      paragraph(`Motif de la réouverture : ${entry.reopenReason ?? 'non précisé'}`),
      entry.changes.length === 0
        ? paragraph('Aucun chiffre clé modifié.')
        : table({
            headers: ['Chiffre clé', `Version ${entry.version}`, `Version ${entry.version + 1}`],
            widths: ['*', 'auto', 'auto'],
            rows: entry.changes.map((c) => [c.label, c.before, c.after]),
          }),
    ]),
  ];
}
