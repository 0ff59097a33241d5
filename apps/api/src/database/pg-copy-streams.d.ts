/** The part of pg-copy-streams (no bundled types) the bulk writes use: `COPY … FROM STDIN` as a writable stream, submitted with `client.query(…)`. */
declare module 'pg-copy-streams' {
  import type { Submittable } from 'pg';
  import type { Writable } from 'node:stream';

  export interface CopyStreamQuery extends Writable, Submittable {
    /** Rows COPY reported, once the stream finished. */
    rowCount: number;
  }

  export function from(text: string, options?: { highWaterMark?: number }): CopyStreamQuery;
}
