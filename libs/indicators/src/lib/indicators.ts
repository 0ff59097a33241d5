export function indicators(): string {
  return 'indicators';
}
