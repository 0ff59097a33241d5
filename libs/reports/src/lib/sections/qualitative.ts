import type { Content } from 'pdfmake/interfaces';
import { COLORS, paragraph, sectionTitle, subTitle } from '../layout';
import { nonEmpty } from '../text';
import { QUALITATIVE_PLACEHOLDER, SECTION_TITLES } from '../titles';
import type { AnnualReportData, AnnualReportNarrative } from '../types';

const PARTS: readonly (readonly [keyof AnnualReportNarrative, string])[] = [
  ['actions', 'Actions menées'],
  ['difficulties', 'Difficultés rencontrées'],
  ['partnerships', 'Partenariats'],
  ['outlook', 'Perspectives'],
];

/** Free text split into paragraphs on blank lines. */
function paragraphs(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => paragraph(part));
}

export function qualitativeSection(data: AnnualReportData): Content[] {
  const narrative = data.narrative;
  const written = narrative ? PARTS.filter(([key]) => nonEmpty(narrative[key]) !== null) : [];
  if (!narrative || written.length === 0) {
    return [
      sectionTitle(SECTION_TITLES.qualitative, false),
      { text: QUALITATIVE_PLACEHOLDER, italics: true, color: COLORS.muted, margin: [0, 4, 0, 8] },
      paragraph(`Il comprendra : ${PARTS.map(([, title]) => title.toLocaleLowerCase('fr-FR')).join(', ')}.`),
    ];
  }
  return [
    sectionTitle(SECTION_TITLES.qualitative),
    ...PARTS.flatMap(([key, title]) => {
      const text = nonEmpty(narrative[key]);
      return [subTitle(title), ...(text === null ? [{ text: 'Non renseigné.', italics: true, color: COLORS.muted } as Content] : paragraphs(text))];
    }),
  ];
}
