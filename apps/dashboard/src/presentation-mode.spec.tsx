import { fireEvent, screen } from '@testing-library/react';
import { enlargeText } from './charts/EChart';
import { PRESENTATION_CLASS, PRESENTATION_STORAGE_KEY, setPresentationMode } from './presentation-mode';
import { mockApi } from './test/api-mock';
import { renderAt } from './test/render';

describe('Mode présentation', () => {
  afterEach(() => setPresentationMode(false));

  it('toggles a class on <html>, kept in localStorage, from a pressed button of the header', async () => {
    mockApi({ '/api/programmes': [] });
    renderAt('/rapports');
    const toggle = screen.getByRole('button', { name: 'Mode présentation' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.classList.contains(PRESENTATION_CLASS)).toBe(true);
    expect(localStorage.getItem(PRESENTATION_STORAGE_KEY)).toBe('on');
    fireEvent.click(toggle);
    expect(document.documentElement.classList.contains(PRESENTATION_CLASS)).toBe(false);
    expect(localStorage.getItem(PRESENTATION_STORAGE_KEY)).toBeNull();
  });

  it('enlarges the text of the charts', () => {
    const option = enlargeText({ textStyle: { fontSize: 13 }, title: { text: 'T', textStyle: { fontSize: 15 } } });
    expect(option.textStyle).toEqual({ fontSize: 18 });
    expect((option.title as { textStyle: { fontSize: number } }).textStyle.fontSize).toBe(21);
  });
});
