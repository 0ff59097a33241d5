import type { Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { COLORS, keepTitlesWithContent, PAGE_MARGINS, STYLES } from './layout';
import { activitySection } from './sections/activity';
import { coverSection, DEMO_BANNER } from './sections/cover';
import { changelogSection } from './sections/changelog';
import { financialSection } from './sections/financial';
import { meansSection } from './sections/means';
import { methodologySection } from './sections/methodology';
import { profileSection } from './sections/profile';
import { qualitativeSection } from './sections/qualitative';
import { synthesisSection } from './sections/synthesis';
import { date } from './text';
import { TOC_TITLE } from './titles';
import type { AnnualReportData, AnnualReportOptions } from './types';

function tableOfContents(): Content {
  return {
    toc: { title: { text: TOC_TITLE, style: 'tocTitle' }, numberStyle: { fontSize: 9.5 } },
    pageBreak: 'before',
  };
}

/**
 * The annual report (bilan qualitatif et financier) of a programme for year N, as a pdfmake
 * document definition: A4, Roboto, running header (programme, year, version, status, demo
 * banner), « x / y » footers, table of contents and the 8 sections. Every figure comes from
 * `data` (computed upstream) and is formatted in fr-FR; charts are rendered by
 * `options.renderChart` (ECharts SSR in the API's worker).
 */
export function buildAnnualReport(data: AnnualReportData, options: AnnualReportOptions): TDocumentDefinitions {
  const p = data.programme;
  const title = `Bilan qualitatif et financier ${data.year} — ${p.name}`;
  const headerLeft = `${p.name} — bilan ${data.year}`;
  const headerRight = `Version ${data.version} — ${data.status}`;
  const generated = date(options.generatedAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: 'fr-FR',
    info: {
      title,
      author: p.operator.name,
      subject: `Bilan qualitatif et financier ${data.year} du dispositif ${p.name} (${data.status}, version ${data.version})`,
      creator: "Plateforme d'indicateurs des conventions",
      keywords: data.demo ? `bilan, ${data.year}, ${p.code}, données de démonstration` : `bilan, ${data.year}, ${p.code}`,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, color: COLORS.text },
    styles: STYLES,
    pageBreakBefore: keepTitlesWithContent,
    header: (currentPage: number): Content | null => {
      if (currentPage === 1) return null;
      const columns: Column[] = [{ text: headerLeft, fontSize: 8, color: COLORS.muted, width: '*' }];
      if (data.demo) columns.push({ text: DEMO_BANNER, fontSize: 8, bold: true, color: COLORS.demo, width: 'auto', margin: [0, 0, 12, 0] });
      columns.push({ text: headerRight, fontSize: 8, color: COLORS.muted, width: 'auto', alignment: 'right' });
      return { margin: [42, 22, 42, 0], columns };
    },
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [42, 14, 42, 0],
      columns: [
        {
          text: data.status === 'validé' && data.validation ? `Version ${data.version} validée le ${date(data.validation.validatedAt)}` : `Généré le ${generated} — document de travail`,
          fontSize: 7.5,
          color: COLORS.muted,
          width: '*',
        },
        { text: `${currentPage} / ${pageCount}`, fontSize: 8, width: 'auto', alignment: 'right' as const },
      ],
    }),
    content: [
      ...coverSection(data, options.generatedAt),
      tableOfContents(),
      ...changelogSection(data),
      ...synthesisSection(data),
      ...meansSection(data, options.renderChart),
      ...activitySection(data, options.renderChart),
      ...profileSection(data, options.renderChart),
      ...qualitativeSection(data),
      ...financialSection(data, options.renderChart),
      ...methodologySection(data),
    ],
  };
}
