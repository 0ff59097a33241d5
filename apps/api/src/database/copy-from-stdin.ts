import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** Bytes sent per CopyData message. */
const PIECE = 1 << 20;

/**
 * `COPY … FROM STDIN` of `data` (COPY's text format) on the connection of `em` — call it inside a
 * transaction (EntityManager of `dataSource.transaction`): a failure aborts the transaction with
 * everything else. PostgreSQL servers only: the embedded PGlite's socket does not speak the COPY
 * sub-protocol. Resolves with the rows PostgreSQL reported.
 */
export async function copyFromStdin(em: EntityManager, sql: string, data: Uint8Array): Promise<number> {
  const runner = em.queryRunner;
  if (!runner) throw new Error('copyFromStdin: a transaction (EntityManager with a query runner) is required.');
  const client = (await runner.connect()) as PoolClient;
  const stream = client.query(copyFrom(sql));
  const pieces = function* () {
    for (let at = 0; at < data.byteLength; at += PIECE) yield Buffer.from(data.buffer, data.byteOffset + at, Math.min(PIECE, data.byteLength - at));
  };
  await pipeline(Readable.from(pieces()), stream);
  return stream.rowCount;
}
