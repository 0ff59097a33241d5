/**
 * Entry of the import worker thread (emitted by webpack as dist/apps/api/import-worker.js, see
 * webpack.config.js): reads, validates, pseudonymises and hashes the uploaded files, one at a
 * time, so that seconds of parsing never block the API's event loop; then compresses the rows
 * kept in import_version while the main thread writes them to the database.
 */
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { isImportRejectedError } from '@sdat/imports';
import { archiveRows, prepareImport } from './import-prepare';
import type { PrepareMessage, PrepareReply } from './import-worker.protocol';

const port = parentPort;
if (!port) throw new Error('import-worker doit être lancé comme worker thread.');

const reply = (message: PrepareReply, transfer: TransferListItem[] = []) => port.postMessage(message, transfer);
const text = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

let queue: Promise<void> = Promise.resolve();

port.on('message', ({ id, request }: PrepareMessage) => {
  queue = queue.then(async () => {
    let rows: unknown[];
    try {
      const result = await prepareImport(request);
      rows = result.rows;
      const copyText = result.prepared.episodes?.format === 'copy' ? result.prepared.episodes.copyText : null;
      // The COPY text (bytes of its own, from a TextEncoder) moves to the main thread without a copy.
      reply({ id, kind: 'prepared', ok: true, prepared: result.prepared }, copyText ? [copyText.buffer as ArrayBuffer] : []);
    } catch (error) {
      const rejected = isImportRejectedError(error) ? { code: error.code, status: error.status, message: error.message } : null;
      reply({ id, kind: 'prepared', ok: false, rejected, message: rejected?.message ?? text(error) });
      return;
    }
    if (rows.length === 0) return;
    try {
      reply({ id, kind: 'archive', ok: true, gz: await archiveRows(rows) });
    } catch (error) {
      reply({ id, kind: 'archive', ok: false, message: text(error) });
    }
  });
});
