/**
 * Entry of the report worker thread (emitted by webpack as dist/apps/api/report-worker.js, see
 * webpack.config.js): renders the PDFs requested by the main thread, one at a time, so that the
 * CPU-bound layout of pdfmake and ECharts never blocks the API's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { renderPdfDocument } from './render-annual-report';
import type { RenderReply, RenderRequest } from './report-worker.protocol';

const port = parentPort;
if (!port) throw new Error('report-worker doit être lancé comme worker thread.');

let queue: Promise<void> = Promise.resolve();

port.on('message', (request: RenderRequest) => {
  queue = queue.then(async () => {
    let reply: RenderReply;
    try {
      const { pdf, renderMs } = await renderPdfDocument(request.document, request.generatedAt);
      reply = { id: request.id, ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), renderMs };
    } catch (error) {
      reply = { id: request.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
});
