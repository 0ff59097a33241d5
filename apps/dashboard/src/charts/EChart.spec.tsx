import { barOption } from '@sdat/charts';
import { render, screen } from '@testing-library/react';
import { getInstanceByDom } from 'echarts/core';
import EChart from './EChart';
import { chartDescription, ChartDataTable, ChartPanel } from './ChartPanel';
import { fireEvent } from '@testing-library/react';

const option = barOption({
  title: 'Personnes accompagnées',
  categoryLabel: 'Année',
  categories: ['2021', '2022'],
  series: [{ name: 'Personnes', values: [180, 220] }],
  valueKind: 'count',
});

describe('EChart', () => {
  it('draws the option as an accessible image and disposes of the chart on unmount', () => {
    const { unmount } = render(<EChart option={option} ariaLabel="Personnes accompagnées : 180 en 2021, 220 en 2022" />);
    const image = screen.getByRole('img', { name: 'Personnes accompagnées : 180 en 2021, 220 en 2022' });
    const instance = getInstanceByDom(image);
    expect(instance).toBeDefined();
    expect(instance?.getOption()).toMatchObject({ aria: { enabled: true } });
    expect(image.querySelector('svg')).not.toBeNull();
    unmount();
    expect(instance?.isDisposed()).toBe(true);
  });

  it('updates the chart when the option changes', () => {
    const { rerender } = render(<EChart option={option} ariaLabel="Graphique" />);
    const image = screen.getByRole('img', { name: 'Graphique' });
    const updated = barOption({ ...{ title: 'Autre', categoryLabel: 'Année', categories: ['2023'], valueKind: 'count' as const }, series: [{ name: 'Personnes', values: [240] }] });
    rerender(<EChart option={updated} ariaLabel="Graphique mis à jour" />);
    expect(image.getAttribute('aria-label')).toBe('Graphique mis à jour');
    const xAxis = (getInstanceByDom(image)?.getOption() as { xAxis: { data: string[] }[] }).xAxis;
    expect(xAxis[0]?.data).toEqual(['2023']);
  });
});

describe('ChartPanel', () => {
  it('takes the accessible name from the option description', () => {
    expect(chartDescription(option, 'secours')).toBe(
      'Graphique en barres : Personnes accompagnées. 2021 : 180 ; 2022 : 220.',
    );
  });

  it('loads the chart lazily and toggles the table alternative', async () => {
    render(
      <ChartPanel
        title="Personnes accompagnées"
        option={option}
        table={{ caption: 'Personnes accompagnées', headers: ['Année', 'Personnes'], rows: [{ header: '2021', cells: ['180'] }], footer: null }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Personnes accompagnées' })).toBeTruthy();
    expect(await screen.findByRole('img', { name: /Graphique en barres : Personnes accompagnées/ })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher le tableau' }));
    expect(screen.getByRole('table', { name: 'Personnes accompagnées' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Personnes' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: '2021' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Masquer le tableau' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders the table footer', () => {
    render(
      <ChartDataTable
        table={{ caption: 'T', headers: ['A', 'B'], rows: [], footer: { header: 'Total', cells: ['1 €'] } }}
      />,
    );
    expect(screen.getByRole('rowheader', { name: 'Total' })).toBeTruthy();
  });
});
