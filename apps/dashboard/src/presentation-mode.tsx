import { useSyncExternalStore } from 'react';

/**
 * « Mode présentation » (projectors): a class on `<html>` that scales the base font size (styles.css)
 * and the charts' text (EChart); the choice is kept in localStorage.
 */
export const PRESENTATION_CLASS = 'presentation-mode';
export const PRESENTATION_STORAGE_KEY = 'sdat.presentation-mode';
/** How much larger the charts' text is in presentation mode. */
export const PRESENTATION_CHART_SCALE = 1.4;

const listeners = new Set<() => void>();

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(PRESENTATION_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

let current = stored();

function apply(on: boolean): void {
  if (typeof document !== 'undefined') {
    document.documentElement.classList.toggle(PRESENTATION_CLASS, on);
  }
}
apply(current);

export function isPresentationMode(): boolean {
  return current;
}

export function setPresentationMode(on: boolean): void {
  current = on;
  apply(on);
  try {
    if (on) {
      globalThis.localStorage?.setItem(PRESENTATION_STORAGE_KEY, 'on');
    } else {
      globalThis.localStorage?.removeItem(PRESENTATION_STORAGE_KEY);
    }
  } catch {
    // Storage refused (private mode): the choice lasts until the page is reloaded.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePresentationMode(): boolean {
  return useSyncExternalStore(subscribe, isPresentationMode, isPresentationMode);
}

/** A toggle button (aria-pressed) for the header. */
export function PresentationToggle() {
  const on = usePresentationMode();
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-pressed={on}
      onClick={() => setPresentationMode(!on)}
    >
      Mode présentation
    </button>
  );
}
