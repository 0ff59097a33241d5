import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { PRESENTATION_CHART_SCALE, usePresentationMode } from '../presentation-mode';

// Only what the option builders of @sdat/charts use is registered (tree-shaken build).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  TitleComponent,
  SVGRenderer,
]);

export interface EChartProps {
  /** Option built by @sdat/charts (the same the server renders to SVG for the PDFs). */
  option: EChartsOption;
  /** Accessible name of the chart (its French description). */
  ariaLabel: string;
  /** Height in pixels (the width follows the container). */
  height?: number;
  /** Extra class of the container (e.g. `echart--sparkline`). */
  className?: string;
}

/**
 * The one ECharts wrapper of the dashboard. Loaded lazily (see LazyEChart): importing this
 * module pulls ECharts into a separate chunk. SVG renderer (crisp, zoomable, same output as
 * the PDFs); resized with the container (ResizeObserver); disposed on unmount.
 */
function scaled(style: unknown, fallback: number): Record<string, unknown> {
  const base = (style ?? {}) as Record<string, unknown>;
  const size = typeof base['fontSize'] === 'number' ? base['fontSize'] : fallback;
  return { ...base, fontSize: Math.round(size * PRESENTATION_CHART_SCALE) };
}

/** The option with its text enlarged (presentation mode): the global text style and the title. */
export function enlargeText(option: EChartsOption): EChartsOption {
  const title = option.title;
  return {
    ...option,
    textStyle: scaled(option.textStyle, 12),
    ...(title !== undefined && !Array.isArray(title) ? { title: { ...title, textStyle: scaled(title.textStyle, 18) } } : {}),
  } as EChartsOption;
}

export default function EChart({ option, ariaLabel, height = 360, className }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) {
      return undefined;
    }
    const chart = echarts.init(container, null, { renderer: 'svg' });
    chartRef.current = chart;
    let frame = 0;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => {
              if (!chart.isDisposed()) {
                chart.resize();
              }
            });
          });
    observer?.observe(container);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  // Runs after the init effect above (effects run in order), and again when the option changes.
  const presentation = usePresentationMode();
  useEffect(() => {
    chartRef.current?.setOption(presentation ? enlargeText(option) : option, { notMerge: true });
    // ECharts' aria component writes its own label on the container: keep ours.
    containerRef.current?.setAttribute('aria-label', ariaLabel);
  }, [option, ariaLabel, presentation]);

  return (
    <div
      ref={containerRef}
      className={className === undefined ? 'echart' : `echart ${className}`}
      role="img"
      aria-label={ariaLabel}
      style={{ height }}
    />
  );
}
