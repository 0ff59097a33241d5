export function format(): string {
  return 'format';
}
