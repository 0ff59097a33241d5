import { Component, lazy, Suspense, type ErrorInfo, type ReactNode } from 'react';
import type { EChartProps } from './EChart';

// ECharts is only downloaded when a chart is first displayed (separate chunk).
const EChart = lazy(() => import('./EChart'));

interface BoundaryState {
  failed: boolean;
}

/** A chart that cannot be loaded or drawn must not take the page down: the table stays. */
class ChartErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Graphique non affiché', error, info.componentStack);
  }

  override render() {
    if (this.state.failed) {
      return (
        <p className="alert alert--error" role="alert">
          Le graphique n’a pas pu être affiché. Les mêmes données sont disponibles dans le tableau.
        </p>
      );
    }
    return this.props.children;
  }
}

export function LazyEChart(props: EChartProps) {
  const height = props.height ?? 360;
  return (
    <ChartErrorBoundary>
      <Suspense
        fallback={
          <div className={`echart echart--loading ${props.className ?? ''}`.trim()} style={{ height }}>
            {/* A sparkline is too small for the sentence: it stays for screen readers only. */}
            <p role="status" className={height < 80 ? 'visually-hidden' : undefined}>
              Chargement du graphique…
            </p>
          </div>
        }
      >
        <EChart {...props} />
      </Suspense>
    </ChartErrorBoundary>
  );
}
