export function referenceData(): string {
  return 'reference-data';
}
