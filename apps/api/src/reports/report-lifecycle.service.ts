import { createHash } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnnualReportNarrativeView, AnnualReportStatusCode, AnnualReportView, Basis } from '@sdat/api-types';
import { formatIndicatorValue, type IndicatorValue } from '@sdat/indicators';
import type { AnnualReportData, ReportChangelogEntry } from '@sdat/reports';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Principal } from '../auth/principal';
import type { Viewer } from '../auth/viewer';
import type { CommentedTransitionDto, SaveNarrativeDto, TransitionDto } from './report-lifecycle.dto';
import { REPORT_STATUS_LABELS, ReportsService } from './reports.service';

/**
 * The frozen report is addressed to pilots and funders: it is rendered as they see the data, with
 * the small-count rule applied, whoever validates or downloads it.
 */
export const FROZEN_REPORT_VIEWER: Viewer = { programmes: 'all', masksSmallCounts: true };
/** The bilan is about what was done: the actual figures, compared with the forecast. */
export const FROZEN_REPORT_BASIS: Basis = 'actual';

interface ReportRow {
  id: number;
  status: AnnualReportStatusCode;
  narrative: Record<string, string | null>;
  narrative_updated_at: Date | null;
  narrative_updated_by: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  return_comment: string | null;
  version: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const NARRATIVE_KEYS = ['actions', 'difficulties', 'partnerships', 'outlook'] as const;

function narrativeView(raw: Record<string, string | null> | null | undefined): AnnualReportNarrativeView {
  const text = (key: (typeof NARRATIVE_KEYS)[number]) => {
    const value = raw?.[key];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  return { actions: text('actions'), difficulties: text('difficulties'), partnerships: text('partnerships'), outlook: text('outlook') };
}

/** Key figures as printed, to compare two versions (the changelog page). */
function keyFigures(data: AnnualReportData): { code: string; label: string; text: string }[] {
  const set = data.indicators.actual ?? data.indicators.forecast;
  return (set?.indicators ?? [])
    .filter((i: IndicatorValue) => i.category !== 'compliance')
    .map((i: IndicatorValue) => ({ code: i.code, label: i.label, text: formatIndicatorValue(i.value, i.unit, i.suppressed) }));
}

/** SHA-256 of what the PDF shows (figures and texts), independent of when it was rendered. */
function dataVersion(data: AnnualReportData): string {
  const { budgets, funding, indicators, programme, narrative, findings, year, basis } = data;
  return createHash('sha256').update(JSON.stringify({ year, basis, programme, budgets, funding, indicators, narrative, findings })).digest('hex');
}

/**
 * projet → transmis (operator submits) → validé (pilot validates: data locked, PDF frozen) ;
 * transmis → projet (pilot returns it with a comment) ; validé → projet (pilot reopens it with a
 * reason; the next validation is version n + 1 with a changelog page). Every transition is one
 * transaction with its audit row, under optimistic locking.
 */
@Injectable()
export class ReportLifecycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  private async programmeId(manager: EntityManager | DataSource, code: string): Promise<number> {
    const [row] = await manager.query('SELECT id FROM programme WHERE code = $1', [code]);
    if (!row) throw new NotFoundException(`Dispositif introuvable : « ${code} ».`);
    return row.id;
  }

  private async row(manager: EntityManager | DataSource, programmeId: number, year: number, forUpdate = false): Promise<ReportRow | null> {
    const [row] = await manager.query(
      `SELECT id, status, narrative, narrative_updated_at, narrative_updated_by, submitted_at, submitted_by, return_comment, version
         FROM annual_report WHERE programme_id = $1 AND year = $2 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [programmeId, year],
    );
    return row ?? null;
  }

  async view(code: string, year: number): Promise<AnnualReportView> {
    const programmeId = await this.programmeId(this.ds, code);
    const row = await this.row(this.ds, programmeId, year);
    const versions = row
      ? await this.ds.query(
          `SELECT number, sha256, data_version, validated_at, validated_by, reopened_at, reopen_reason, octet_length(pdf) AS bytes
             FROM annual_report_version WHERE report_id = $1 ORDER BY number`,
          [row.id],
        )
      : [];
    const status = row?.status ?? 'draft';
    return {
      programmeCode: code,
      year,
      status,
      statusLabel: REPORT_STATUS_LABELS[status],
      dueDate: await this.reports.dueDate(code, year),
      locked: status === 'validated',
      narrative: narrativeView(row?.narrative),
      narrativeUpdatedAt: iso(row?.narrative_updated_at ?? null),
      narrativeUpdatedBy: row?.narrative_updated_by ?? null,
      submittedAt: iso(row?.submitted_at ?? null),
      submittedBy: row?.submitted_by ?? null,
      returnComment: row?.return_comment ?? null,
      versions: versions.map((v: Record<string, unknown>) => ({
        number: v['number'] as number,
        sha256: v['sha256'] as string,
        dataVersion: v['data_version'] as string,
        validatedAt: iso(v['validated_at'] as Date) as string,
        validatedBy: v['validated_by'] as string,
        reopenedAt: iso((v['reopened_at'] as Date | null) ?? null),
        reopenReason: (v['reopen_reason'] as string | null) ?? null,
        bytes: Number(v['bytes']),
      })),
      version: row?.version ?? 0,
    };
  }

  /** Runs one transition in a transaction: row locked, version checked, audit written. */
  private async transition(
    code: string,
    year: number,
    expectedVersion: number,
    allowedFrom: readonly AnnualReportStatusCode[],
    action: string,
    principal: Principal,
    request: Request,
    apply: (manager: EntityManager, report: ReportRow, programmeId: number) => Promise<Record<string, unknown>>,
    createIfMissing = false,
  ): Promise<AnnualReportView> {
    await this.ds.transaction(async (manager) => {
      const programmeId = await this.programmeId(manager, code);
      let report = await this.row(manager, programmeId, year, true);
      if (!report && createIfMissing) {
        await manager.query('INSERT INTO annual_report (programme_id, year) VALUES ($1, $2) ON CONFLICT DO NOTHING', [programmeId, year]);
        report = await this.row(manager, programmeId, year, true);
        if (report && expectedVersion === 0) expectedVersion = report.version;
      }
      if (!report) throw new ConflictException(`Le bilan ${year} n'a pas encore été rédigé : rien à ${ACTION_VERBS[action] ?? 'modifier'}.`);
      if (report.version !== expectedVersion) {
        throw new ConflictException(`Le bilan a été modifié entre-temps (version ${report.version}, vous aviez la version ${expectedVersion}) : rechargez la page.`);
      }
      if (!allowedFrom.includes(report.status)) {
        throw new ConflictException(
          `Impossible de ${ACTION_VERBS[action] ?? 'modifier'} le bilan ${year} : il est « ${REPORT_STATUS_LABELS[report.status]} ».`,
        );
      }
      const details = await apply(manager, report, programmeId);
      await this.audit.record(
        { action, principal, request, objectType: 'annual_report', objectId: `${code}/${year}`, details: { from: report.status, ...details } },
        manager,
      );
    });
    return this.view(code, year);
  }

  saveNarrative(code: string, year: number, body: SaveNarrativeDto, principal: Principal, request: Request): Promise<AnnualReportView> {
    return this.transition(code, year, body.version, ['draft'], 'report_narrative_saved', principal, request, async (manager, report) => {
      const narrative = narrativeView(body.narrative as Record<string, string | null>);
      await manager.query(
        `UPDATE annual_report SET narrative = $2, narrative_updated_at = now(), narrative_updated_by = $3, version = version + 1 WHERE id = $1`,
        [report.id, JSON.stringify(narrative), principal.displayName],
      );
      return { before: narrativeView(report.narrative), after: narrative };
    }, true);
  }

  submit(code: string, year: number, body: TransitionDto, principal: Principal, request: Request): Promise<AnnualReportView> {
    return this.transition(code, year, body.version, ['draft'], 'report_submitted', principal, request, async (manager, report) => {
      const narrative = narrativeView(report.narrative);
      if (Object.values(narrative).every((v) => v === null)) {
        throw new ConflictException('Le bilan qualitatif n’est pas rédigé : écrivez au moins une partie avant de transmettre le bilan.');
      }
      await manager.query(
        `UPDATE annual_report SET status = 'submitted', submitted_at = now(), submitted_by = $2, return_comment = NULL, version = version + 1 WHERE id = $1`,
        [report.id, principal.displayName],
      );
      return { to: 'submitted' };
    });
  }

  returnToOperator(code: string, year: number, body: CommentedTransitionDto, principal: Principal, request: Request): Promise<AnnualReportView> {
    return this.transition(code, year, body.version, ['submitted'], 'report_returned', principal, request, async (manager, report) => {
      await manager.query(`UPDATE annual_report SET status = 'draft', return_comment = $2, version = version + 1 WHERE id = $1`, [report.id, body.comment.trim()]);
      return { to: 'draft', comment: body.comment.trim() };
    });
  }

  /**
   * Validates: renders the PDF as funders see it, stores its bytes and SHA-256, locks the year.
   * The PDF is rendered before the transaction (no row lock held while rendering; the embedded
   * database serialises transactions), then the transaction re-checks the status and version.
   */
  async validate(code: string, year: number, body: TransitionDto, principal: Principal, request: Request): Promise<AnnualReportView> {
    const programmeId = await this.programmeId(this.ds, code);
    const current = await this.row(this.ds, programmeId, year);
    if (!current) throw new ConflictException(`Le bilan ${year} n'a pas encore été rédigé : rien à valider.`);
    if (current.version !== body.version) {
      throw new ConflictException(`Le bilan a été modifié entre-temps (version ${current.version}, vous aviez la version ${body.version}) : rechargez la page.`);
    }
    if (current.status !== 'submitted') {
      throw new ConflictException(`Impossible de valider le bilan ${year} : il est « ${REPORT_STATUS_LABELS[current.status]} ».`);
    }
    const previous: { number: number; validated_at: Date; validated_by: string; reopen_reason: string | null; key_figures: { code: string; label: string; text: string }[] }[] =
      await this.ds.query(
        `SELECT number, validated_at, validated_by, reopen_reason, key_figures FROM annual_report_version WHERE report_id = $1 ORDER BY number`,
        [current.id],
      );
    const number = previous.length + 1;
    const validatedAt = new Date();
    const data = await this.reports.annualReportData(code, year, FROZEN_REPORT_BASIS, FROZEN_REPORT_VIEWER);
    const figures = keyFigures(data);
    const changelog: ReportChangelogEntry[] = previous.map((version, index) => {
      const next = previous[index + 1]?.key_figures ?? figures;
      const after = new Map(next.map((f) => [f.code, f.text]));
      return {
        version: version.number,
        validatedAt: new Date(version.validated_at).toISOString(),
        validatedBy: version.validated_by,
        reopenReason: version.reopen_reason,
        changes: version.key_figures
          .filter((f) => after.has(f.code) && after.get(f.code) !== f.text)
          .map((f) => ({ label: f.label, before: f.text, after: after.get(f.code) as string })),
      };
    });
    const frozen: AnnualReportData = {
      ...data,
      status: 'validé',
      version: number,
      validation: { validatedAt: validatedAt.toISOString(), validatedBy: principal.displayName },
      changelog,
    };
    const { pdf } = await this.reports.renderPdf(frozen, validatedAt.toISOString());
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    return this.transition(code, year, body.version, ['submitted'], 'report_validated', principal, request, async (manager, report) => {
      await manager.query(
        `INSERT INTO annual_report_version (report_id, number, pdf, sha256, data_version, key_figures, validated_at, validated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [report.id, number, pdf, sha256, dataVersion(data), JSON.stringify(figures), validatedAt, principal.displayName],
      );
      await manager.query(`UPDATE annual_report SET status = 'validated', return_comment = NULL, version = version + 1 WHERE id = $1`, [report.id]);
      return { to: 'validated', versionNumber: number, sha256, bytes: pdf.length };
    });
  }

  reopen(code: string, year: number, body: CommentedTransitionDto, principal: Principal, request: Request): Promise<AnnualReportView> {
    return this.transition(code, year, body.version, ['validated'], 'report_reopened', principal, request, async (manager, report) => {
      await manager.query(
        `UPDATE annual_report_version SET reopened_at = now(), reopen_reason = $2
          WHERE report_id = $1 AND number = (SELECT max(number) FROM annual_report_version WHERE report_id = $1)`,
        [report.id, body.comment.trim()],
      );
      await manager.query(`UPDATE annual_report SET status = 'draft', version = version + 1 WHERE id = $1`, [report.id]);
      return { to: 'draft', reason: body.comment.trim() };
    });
  }

  /** The stored bytes of a validated version (`number`), or of the latest when the report is validated now. */
  async frozenPdf(code: string, year: number, number?: number): Promise<{ pdf: Buffer; number: number; sha256: string } | null> {
    const [row] = await this.ds.query(
      `SELECT v.pdf, v.number, v.sha256
         FROM annual_report_version v JOIN annual_report r ON r.id = v.report_id JOIN programme p ON p.id = r.programme_id
        WHERE p.code = $1 AND r.year = $2
          AND ($3::int IS NOT NULL AND v.number = $3::int
               OR $3::int IS NULL AND r.status = 'validated' AND v.number = (SELECT max(number) FROM annual_report_version WHERE report_id = r.id))`,
      [code, year, number ?? null],
    );
    return row ? { pdf: Buffer.from(row.pdf), number: row.number, sha256: row.sha256 } : null;
  }
}

const ACTION_VERBS: Record<string, string> = {
  report_narrative_saved: 'modifier',
  report_submitted: 'transmettre',
  report_returned: 'renvoyer',
  report_validated: 'valider',
  report_reopened: 'rouvrir',
};
