import type { Content } from 'pdfmake/interfaces';
import { COLORS, keyValues } from '../layout';
import { SECTION_TITLES } from '../titles';
import { basisLabel, date, DASH, frenchList } from '../text';
import type { AnnualReportData } from '../types';

export const DEMO_BANNER = 'DONNÉES DE DÉMONSTRATION';

/** Red band printed on the cover (and, shorter, in every page header) when the data are demo data. */
export function demoBanner(): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: DEMO_BANNER, bold: true, fontSize: 13, color: COLORS.demo, alignment: 'center' },
              {
                text: "Ce bilan est établi à partir de données générées pour la démonstration de l'outil : il ne décrit pas l'activité réelle du dispositif et ne doit pas être transmis aux financeurs.",
                fontSize: 8.5,
                color: COLORS.demo,
                alignment: 'center',
                margin: [0, 3, 0, 0],
              },
            ],
            fillColor: COLORS.demoFill,
            margin: [6, 6, 6, 6],
          },
        ],
      ],
    },
    layout: { hLineColor: () => COLORS.demo, vLineColor: () => COLORS.demo, hLineWidth: () => 1, vLineWidth: () => 1 },
    margin: [0, 14, 0, 14],
  };
}

function period(data: AnnualReportData): string {
  const agreement = data.agreement;
  if (!agreement) return DASH;
  if (agreement.startDate && agreement.endDate) return `du ${date(agreement.startDate)} au ${date(agreement.endDate)}`;
  if (agreement.startDate) return `à compter du ${date(agreement.startDate)}`;
  return DASH;
}

export function coverSection(data: AnnualReportData, generatedAt: string): Content[] {
  const p = data.programme;
  const pilots = p.pilots.map((pilot) => `${pilot.name} (${pilot.role === 'co_pilot' ? 'co-pilote' : 'pilote'})`);
  const funders = p.funders.map((funder) => `${funder.name}${funder.isSignatory ? '' : ' (non signataire)'}`);
  const annex = p.annexNumber === null ? '' : `Annexe ${p.annexNumber} — `;
  const basis =
    data.basis === 'actual'
      ? `Réalisé ${data.year}, comparé au budget prévisionnel ${data.year}`
      : `Budget prévisionnel ${data.year} (${basisLabel(data.basis)} seul)`;
  return [
    { text: SECTION_TITLES.cover, tocItem: true, tocStyle: 'tocSection', fontSize: 8, color: COLORS.muted },
    { text: p.operator.name, fontSize: 11, color: COLORS.muted, margin: [0, 40, 0, 0] },
    { text: `Bilan qualitatif et financier ${data.year}`, fontSize: 24, bold: true, color: COLORS.primary, margin: [0, 16, 0, 4] },
    { text: p.name, fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
    { text: `${annex}${data.agreement?.title ?? p.agreement.title}`, fontSize: 9, color: COLORS.muted, margin: [0, 0, 0, 8] },
    ...(data.demo ? [demoBanner()] : [{ text: '', margin: [0, 14, 0, 0] } as Content]),
    keyValues([
      ['Opérateur', p.operator.name],
      ['Dispositif', p.name],
      ['Convention', `${data.agreement?.title ?? p.agreement.title} (${period(data)})`],
      ['Année du bilan', String(data.year)],
      [pilots.length > 1 ? 'Pilotes (destinataires)' : 'Pilote (destinataire)', pilots.length ? frenchList(pilots) : DASH],
      ['Financeurs', funders.length ? frenchList(funders) : DASH],
      ['Échéance de remise', `${date(data.dueDate)}, à transmettre ${p.pilots.length > 1 ? 'aux pilotes' : 'au pilote'}`],
      ['Base des chiffres', basis],
      ['Version', String(data.version)],
      ['Statut', statusText(data)],
      ['Généré le', date(generatedAt)],
    ]),
    {
      text: "Les chiffres de ce bilan sont calculés par la plateforme d'indicateurs à partir des budgets, des financements et des données d'activité enregistrés ; leur définition figure en annexe méthodologique.",
      style: 'note',
      margin: [0, 6, 0, 0],
    },
  ];
}

/** The status line of the cover: validated (when, by whom), submitted, or a working draft. */
export function statusText(data: AnnualReportData): string {
  if (data.status === 'validé' && data.validation) {
    return `« validé » le ${date(data.validation.validatedAt)} par ${data.validation.validatedBy}`;
  }
  if (data.status === 'transmis') return '« transmis » — en attente de validation par le pilote';
  return `« ${data.status} » — document de travail, non validé`;
}
