import type { BarSeriesOption, PieSeriesOption } from 'echarts';
import { collectNumbers, funding } from '../test/fixtures';
import { fundingByFunderOption, fundingByFunderTable } from './funding-chart';

const NBSP = '\u00a0';

describe('fundingByFunderOption (bars)', () => {
  const option = fundingByFunderOption(funding);
  const series = option.series as BarSeriesOption[];

  it('stacks the earmarked part after the rest of each amount, in euros', () => {
    expect(series.map((item) => item.name)).toEqual(['Hors part fléchée', 'dont primes Ségur']);
    expect(series.every((item) => item.stack === 'financement')).toBe(true);
    expect(series[0]?.data).toEqual([382474, 292807 - 43483]);
    expect(series[1]?.data).toEqual([0, 43483]);
  });

  it('names the funders and describes the chart in French', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['Ville de Dijon', 'État crédits BOP 177']);
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toContain('Financements 2022 par financeur');
    expect(description).toContain(`dont primes Ségur — Ville de Dijon : 0${NBSP}€ ; État crédits BOP 177 : 43${NBSP}483${NBSP}€`);
  });

  it('shows the total of the stack in the tooltip', () => {
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    const html = tooltip.formatter([
      { name: 'État crédits BOP 177', seriesName: 'Hors part fléchée', value: 249324, marker: '' },
      { name: 'État crédits BOP 177', seriesName: 'dont primes Ségur', value: 43483, marker: '' },
    ]);
    expect(html).toContain(`Total${NBSP}: <strong>292${NBSP}807${NBSP}€</strong>`);
  });

  it('names earmarked parts by kind, not by the printed note', () => {
    const printed = fundingByFunderOption({
      ...funding,
      lines: funding.lines.map((line) => ({
        ...line,
        earmarks: line.earmarks.map((earmark) => ({ ...earmark, label: '(dt 2 059 € s/Primes Médico-social 1/4/22)' })),
      })),
    });
    expect((printed.series as BarSeriesOption[])[1]?.name).toBe('dont primes Ségur');
    const other = fundingByFunderOption({
      ...funding,
      lines: [{ ...funding.lines[0]!, earmarks: [{ kind: 'fvs', label: 'Fonds de Vie Sociale', amountCents: 100 }] }],
      totalCents: funding.lines[0]!.amountCents,
    });
    expect((other.series as BarSeriesOption[])[1]?.name).toBe('dont Fonds de Vie Sociale');
  });

  it('has a single series without earmarks', () => {
    const plain = fundingByFunderOption({
      ...funding,
      lines: funding.lines.map((line) => ({ ...line, earmarks: [] })),
    });
    expect((plain.series as BarSeriesOption[]).map((item) => item.name)).toEqual(['Financement']);
  });
});

describe('fundingByFunderOption (pie)', () => {
  const option = fundingByFunderOption(funding, { type: 'pie' });
  const [inner, outer] = option.series as PieSeriesOption[];

  it('shows the funders inside and their parts outside, each ring summing to the total', () => {
    const values = (series: PieSeriesOption | undefined) =>
      (series?.data as { value: number }[]).map((item) => item.value);
    expect(values(inner)).toEqual([382474, 292807]);
    expect(values(outer)).toEqual([382474, 249324, 43483]);
    expect((outer?.data as { name: string }[])[2]?.name).toBe('État crédits BOP 177 — dont primes Ségur');
    collectNumbers(option).forEach((value) => expect(Number.isFinite(value)).toBe(true));
    expect(option.aria).toMatchObject({ enabled: true });
  });
});

describe('fundingByFunderTable', () => {
  it('lists each funder with its earmarked part and the totals', () => {
    const table = fundingByFunderTable(funding);
    expect(table.headers).toEqual(['Financeur', 'Hors part fléchée', 'dont primes Ségur', 'Total']);
    expect(table.rows[1]).toEqual({
      header: 'État crédits BOP 177',
      cells: [`249${NBSP}324${NBSP}€`, `43${NBSP}483${NBSP}€`, `292${NBSP}807${NBSP}€`],
    });
    expect(table.footer?.cells[2]).toBe(`675${NBSP}281${NBSP}€`);
  });
});
