import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// The machine may be busy (several projects tested at once): be patient with findBy*/waitFor.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no canvas: ECharts and zrender probe it to measure text.
HTMLCanvasElement.prototype.getContext = vi.fn(() => null) as unknown as HTMLCanvasElement['getContext'];

// jsdom has no layout: give chart containers a size, as the browser would.
const CHART_SIZE = { clientWidth: 800, clientHeight: 360 } as const;
(Object.keys(CHART_SIZE) as (keyof typeof CHART_SIZE)[]).forEach((property) => {
  Object.defineProperty(HTMLElement.prototype, property, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('echart') ? CHART_SIZE[property] : 0;
    },
  });
});

// jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {
    /* nothing to observe in jsdom */
  }
  unobserve(): void {
    /* idem */
  }
  disconnect(): void {
    /* idem */
  }
}
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
