import {
  CHART_MUTED_TEXT_COLOR,
  CHART_PALETTE,
  CHART_TEXT_COLOR,
  contrastRatio,
  relativeLuminance,
  seriesColor,
} from './palette';

describe('chart palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5);
  });

  it.each([...CHART_PALETTE, CHART_TEXT_COLOR, CHART_MUTED_TEXT_COLOR])(
    '%s reaches WCAG AA (4.5:1) on white',
    (colour) => {
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('has distinct colours and repeats them after the last one', () => {
    expect(new Set(CHART_PALETTE).size).toBe(CHART_PALETTE.length);
    expect(seriesColor(CHART_PALETTE.length)).toBe(CHART_PALETTE[0]);
    expect(seriesColor(-1)).toBe(CHART_PALETTE[CHART_PALETTE.length - 1]);
  });

  it('rejects a malformed colour with a French message', () => {
    expect(() => relativeLuminance('bleu')).toThrow(/Couleur invalide/);
  });
});
