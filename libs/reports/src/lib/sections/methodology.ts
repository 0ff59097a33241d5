import type { IndicatorDefinition, IndicatorValue } from '@sdat/api-types';
import type { Content } from 'pdfmake/interfaces';
import { COLORS, paragraph, sectionTitle, subTitle } from '../layout';
import { SECTION_TITLES } from '../titles';
import type { AnnualReportData } from '../types';

const CATEGORY = { means: 'Indicateurs de moyens', results: 'Indicateurs de résultats', compliance: 'Contrôles de conformité' } as const;

/** Every indicator the report uses (on either basis), in catalogue order. */
export function indicatorsUsed(data: AnnualReportData): IndicatorDefinition[] {
  const used = new Map<string, IndicatorValue>();
  for (const set of [data.indicators.actual, data.indicators.forecast]) {
    for (const indicator of set?.indicators ?? []) {
      if (!used.has(indicator.code)) used.set(indicator.code, indicator);
    }
  }
  return data.catalogue.filter((definition) => used.has(definition.code));
}

function block(definition: IndicatorDefinition): Content {
  return {
    stack: [
      { text: [{ text: definition.label, bold: true }, { text: `  (${definition.code}, version ${definition.version})`, color: COLORS.muted, fontSize: 8 }] },
      { text: [{ text: 'Définition : ', bold: true }, definition.definition], margin: [0, 1, 0, 0] },
      { text: [{ text: 'Formule : ', bold: true }, definition.formula], margin: [0, 1, 0, 0] },
      { text: `Source : ${definition.sourceRef.document} — ${definition.sourceRef.location}`, style: 'note', margin: [0, 1, 0, 0] },
    ],
    fontSize: 8.5,
    unbreakable: true,
    margin: [0, 0, 0, 7],
  };
}

export function methodologySection(data: AnnualReportData): Content[] {
  const used = indicatorsUsed(data);
  const categories = (['means', 'results', 'compliance'] as const).filter((c) => used.some((d) => d.category === c));
  return [
    sectionTitle(SECTION_TITLES.methodology),
    paragraph(
      "Les chiffres de ce bilan sont calculés par la plateforme d'indicateurs, jamais saisis : budgets ligne à ligne (totaux = sommes des lignes, les montants imprimés dans les documents sont conservés et leurs écarts signalés), financements par financeur, effectifs et données d'activité agrégées. Les montants sont arrondis à l'euro et les pourcentages au dixième ; « — » signale une valeur sans objet, « non disponible » une donnée absente.",
    ),
    paragraph('Indicateurs utilisés, avec leur définition, leur formule et leur version (une définition modifiée crée une nouvelle version) :'),
    ...categories.flatMap((category) => [subTitle(CATEGORY[category]), ...used.filter((d) => d.category === category).map(block)]),
  ];
}
