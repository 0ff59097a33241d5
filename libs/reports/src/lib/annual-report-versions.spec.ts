import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildAnnualReport, CHANGELOG_TITLE, type AnnualReportData, type RenderChart } from '../index';
import { documentTexts } from '../test/doc-text';
import { centreVille2022 } from '../test/fixtures';

const stubChart: RenderChart = (_option, { width, height }) => `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;
const build = (data: AnnualReportData): TDocumentDefinitions => buildAnnualReport(data, { renderChart: stubChart, generatedAt: '2023-03-20T09:30:00Z' });
const text = (doc: TDocumentDefinitions): string => documentTexts(doc).join('\n');
const footer = (doc: TDocumentDefinitions) =>
  typeof doc.footer === 'function' ? JSON.stringify(doc.footer(2, 9, { width: 595.28, height: 841.89, orientation: 'portrait' })) : '';

describe('annual report versions: draft, validated, reopened and validated again', () => {
  it('prints a draft as a working document, not validated', () => {
    const doc = build({ ...centreVille2022(), status: 'projet', version: 1 });
    expect(text(doc)).toContain('« projet » — document de travail, non validé');
    expect(footer(doc)).toContain('document de travail');
    expect(text(doc)).not.toContain(CHANGELOG_TITLE);
  });

  it('prints a submitted report as waiting for the pilot', () => {
    expect(text(build({ ...centreVille2022(), status: 'transmis' }))).toContain('« transmis » — en attente de validation par le pilote');
  });

  it('prints who validated it and when, on the cover and in every footer', () => {
    const doc = build({ ...centreVille2022(), status: 'validé', validation: { validatedAt: '2023-03-14T16:05:00Z', validatedBy: 'Pilote CCAS de Dijon' } });
    expect(text(doc)).toContain('« validé » le 14/03/2023 par Pilote CCAS de Dijon');
    expect(footer(doc)).toContain('Version 1 validée le 14/03/2023');
    expect(footer(doc)).not.toContain('document de travail');
  });

  it('adds a changelog page to version 2 with the reopening reason and the changed figures', () => {
    const doc = build({
      ...centreVille2022(),
      status: 'validé',
      version: 2,
      validation: { validatedAt: '2023-04-02T10:00:00Z', validatedBy: 'Pilote CCAS de Dijon' },
      changelog: [
        {
          version: 1,
          validatedAt: '2023-03-14T16:05:00Z',
          validatedBy: 'Pilote CCAS de Dijon',
          reopenReason: 'Budget réalisé corrigé (ligne 606110)',
          changes: [{ label: 'Total des charges', before: '679 241 €', after: '680 000 €' }],
        },
      ],
    });
    const all = text(doc);
    expect(all).toContain(CHANGELOG_TITLE);
    expect(all).toContain('Version 1 — validée le 14/03/2023 par Pilote CCAS de Dijon');
    expect(all).toContain('Motif de la réouverture : Budget réalisé corrigé (ligne 606110)');
    expect(all).toContain('680 000 €');
    // The changelog comes right after the table of contents, before the synthesis.
    expect(all.indexOf(CHANGELOG_TITLE)).toBeGreaterThan(-1);
    expect(all.indexOf(CHANGELOG_TITLE)).toBeLessThan(all.lastIndexOf('2. Synthèse'));
  });
});
