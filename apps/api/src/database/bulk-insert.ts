import type { EntityManager } from 'typeorm';

/** PostgreSQL accepts at most 65 535 bind parameters per statement. */
const MAX_PARAMS = 65_535;

/**
 * Multi-row INSERT in chunks that stay under PostgreSQL's bind-parameter limit. Call it inside a
 * transaction (EntityManager of `dataSource.transaction`) so a failure writes nothing.
 * Returns the rows of RETURNING when asked, in order.
 */
export async function bulkInsert<T extends Record<string, unknown>>(
  em: EntityManager,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  options: { returning?: string; chunkRows?: number; onConflict?: string } = {},
): Promise<Record<string, unknown>[]> {
  if (!rows.length) return [];
  const perChunk = Math.max(1, Math.min(options.chunkRows ?? 5000, Math.floor(MAX_PARAMS / columns.length)));
  const cols = columns.map((c) => `"${c}"`).join(', ');
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((c) => {
        params.push(row[c] ?? null);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const returning = options.returning ? ` RETURNING ${options.returning}` : '';
    const conflict = options.onConflict ? ` ${options.onConflict}` : '';
    const result = await em.query(`INSERT INTO "${table}" (${cols}) VALUES ${tuples.join(', ')}${conflict}${returning}`, params);
    if (options.returning) out.push(...(result as Record<string, unknown>[]));
  }
  return out;
}
