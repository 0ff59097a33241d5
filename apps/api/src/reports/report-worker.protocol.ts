import type { AnnualReportData, CommitteePackData } from '@sdat/reports';

/** A document the worker renders: an annual report, or the monitoring committee's pack. */
export type PdfDocument = { kind: 'annual_report'; data: AnnualReportData } | { kind: 'committee_pack'; data: CommitteePackData };

/** Main thread → report worker. */
export interface RenderRequest {
  id: number;
  document: PdfDocument;
  generatedAt: string;
}

/** Report worker → main thread. */
export type RenderReply =
  | { id: number; ok: true; pdf: Uint8Array; renderMs: number }
  | { id: number; ok: false; message: string };
