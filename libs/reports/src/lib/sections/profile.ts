import type { IndicatorValue } from '@sdat/api-types';
import { barOption } from '@sdat/charts';
import type { Content } from 'pdfmake/interfaces';
import { chart, notes, paragraph, sectionTitle, subTitle, table } from '../layout';
import { SECTION_TITLES } from '../titles';
import { count, countOf, flagMessages, indicatorText, NOT_AVAILABLE, share } from '../text';
import type { AnnualReportData, RenderChart } from '../types';
import { findIndicator } from '../text';

function distribution(indicator: IndicatorValue, header: string, renderChart: RenderChart | null): Content[] {
  if (indicator.value === null || !indicator.breakdown) {
    return [paragraph(`${NOT_AVAILABLE} : ${indicator.reason ?? 'données absentes'}.`)];
  }
  const items = indicator.breakdown;
  const out: Content[] = [
    table({
      headers: [header, 'Personnes', 'Part'],
      rows: items.map((item) => [item.label, countOf(item), share(item.share)]),
      totals: [['Total des personnes accompagnées', indicatorText(indicator), '']],
      widths: ['*', 80, 70],
    }),
    ...notes(flagMessages(indicator)),
  ];
  if (renderChart && items.length > 0) {
    out.push(
      chart(renderChart, {
        caption: `${indicator.label} (${indicator.year ?? ''})`.replace(' ()', ''),
        option: barOption({
          title: indicator.label,
          categoryLabel: header,
          categories: items.map((item) => item.label),
          series: [{ name: 'Personnes', values: items.map((item) => item.value) }],
          valueKind: 'count',
          horizontal: true,
          showTitle: false,
        }),
        width: 680,
        height: Math.min(360, 60 + items.length * 30),
      }),
    );
  }
  return out;
}

export function profileSection(data: AnnualReportData, renderChart: RenderChart): Content[] {
  const set = data.basis === 'actual' ? data.indicators.actual : null;
  const age = findIndicator(set, 'profile_age');
  const situation = findIndicator(set, 'profile_situation');
  if (!age && !situation) {
    return [
      sectionTitle(SECTION_TITLES.profile, false),
      paragraph(
        data.basis === 'actual'
          ? "L'annexe de la convention ne demande pas le profil des personnes pour ce dispositif."
          : "Le profil des personnes décrit l'activité réalisée : il n'est pas présenté dans un bilan établi sur le budget prévisionnel.",
      ),
    ];
  }
  return [
    sectionTitle(SECTION_TITLES.profile),
    paragraph(`Personnes accompagnées pendant l'année ${data.year} (parcours ouverts à un moment de l'année), selon les informations saisies à l'entrée.`),
    ...(age ? [subTitle('Âge'), ...distribution(age, "Tranche d'âge", renderChart)] : []),
    ...(situation ? [subTitle('Situation familiale'), ...distribution(situation, 'Situation', null)] : []),
  ];
}
