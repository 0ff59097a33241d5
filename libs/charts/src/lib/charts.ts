export function charts(): string {
  return 'charts';
}
