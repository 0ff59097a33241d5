import type { ImportRejectionCode } from '@sdat/imports';
import type { PreparedImport, PrepareRequest } from './import-prepare';

/** Main thread → import worker. */
export interface PrepareMessage {
  id: number;
  request: PrepareRequest;
}

/** Import worker → main thread: first the validated file, then (valid files only) the compressed rows. */
export type PrepareReply =
  | { id: number; kind: 'prepared'; ok: true; prepared: PreparedImport }
  | { id: number; kind: 'prepared'; ok: false; rejected: { code: ImportRejectionCode; status: 400 | 413; message: string } | null; message: string }
  | { id: number; kind: 'archive'; ok: true; gz: Uint8Array }
  | { id: number; kind: 'archive'; ok: false; message: string };
