import type { AnnualReportData } from '@sdat/reports';

/** Main thread → report worker. */
export interface RenderRequest {
  id: number;
  data: AnnualReportData;
  generatedAt: string;
}

/** Report worker → main thread. */
export type RenderReply =
  | { id: number; ok: true; pdf: Uint8Array; renderMs: number }
  | { id: number; ok: false; message: string };
