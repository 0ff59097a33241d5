/**
 * Colours used by every chart (screen and PDF).
 *
 * Every series colour has a contrast ratio of at least 4.5:1 against white (WCAG 2.1 AA for
 * text, and above the 3:1 required for graphical objects by criterion 1.4.11). Adjacent
 * segments of a stacked bar or a pie are separated by a white border, so each segment keeps
 * that contrast against its neighbour's border, whatever the two hues are.
 */
export const CHART_PALETTE: readonly string[] = [
  '#1d4e89', // bleu
  '#b34700', // orange brûlé
  '#1b6e3a', // vert
  '#7b2d8e', // violet
  '#a4004b', // framboise
  '#00695c', // sarcelle
  '#5d4037', // brun
  '#455a64', // ardoise
];

export const CHART_BACKGROUND = '#ffffff';
/** Main text (titles, legend): 17.4:1 on white. */
export const CHART_TEXT_COLOR = '#1a1a1a';
/** Axis labels: 6.7:1 on white. */
export const CHART_MUTED_TEXT_COLOR = '#555d66';
/** Grid lines (decorative, not information-bearing). */
export const CHART_GRID_COLOR = '#d0d5db';
export const CHART_FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Colour of the n-th series (the palette repeats after 8 series). */
export function seriesColor(index: number): string {
  const length = CHART_PALETTE.length;
  return CHART_PALETTE[((index % length) + length) % length] ?? CHART_TEXT_COLOR;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.1 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) {
    throw new RangeError(`Couleur invalide : « ${hex} » (format attendu : #rrggbb).`);
  }
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => channel(parseInt(part ?? '0', 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG 2.1 contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(foreground: string, background: string): number {
  const a = relativeLuminance(foreground);
  const b = relativeLuminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
