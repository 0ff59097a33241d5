import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EditableBudgetLineView,
  EditableEpisodesPage,
  EditableEpisodeView,
  EditableRowsPage,
  EditableStaffLineView,
  Side,
} from '@sdat/api-types';
import { EPISODE_KINDS, HANDOVERS } from '@sdat/reference-data';
import type { DataSource } from 'typeorm';

/** Which page of a programme-year's rows (the query of the three list routes). */
export interface RowsPageRequest {
  year: number;
  offset: number;
  limit: number;
}

const count = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);

/**
 * The rows the dashboard corrects one at a time (see EditsService), with their id and version:
 * the actual budget lines and staff lines of a year, and the episodes active during the year
 * (entry ≤ 31/12, no exit before 01/01 — the same rule as the episodes import). Read-only, paged.
 */
/** What every page of rows says about itself. */
function envelope(programmeCode: string, page: RowsPageRequest, total: number) {
  return { programmeCode, year: page.year, total, offset: page.offset, limit: page.limit };
}

@Injectable()
export class RowsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async budgetLines(programmeCode: string, page: RowsPageRequest): Promise<EditableRowsPage<EditableBudgetLineView>> {
    const where = `WHERE p.code = $1 AND b.year = $2 AND b.basis = 'actual'`;
    const total = count(
      await this.ds.query(
        `SELECT count(*)::int AS n FROM budget b JOIN programme p ON p.id = b.programme_id JOIN budget_line l ON l.budget_id = b.id ${where}`,
        [programmeCode, page.year],
      ),
    );
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT l.id::text, l.version, l.side, l.group_code, g.label AS group_label, l.account_code, l.label, l.amount_cents::text, b.demo
         FROM budget b JOIN programme p ON p.id = b.programme_id JOIN budget_line l ON l.budget_id = b.id
         LEFT JOIN budget_group g ON g.budget_id = b.id AND g.group_code = l.group_code
         ${where}
        ORDER BY g.position NULLS LAST, l.position, l.id LIMIT $3 OFFSET $4`,
      [programmeCode, page.year, page.limit, page.offset],
    );
    return {
      ...envelope(programmeCode, page, total),
      rows: rows.map((r) => ({
        id: r['id'] as string,
        version: r['version'] as number,
        side: r['side'] as Side,
        groupCode: r['group_code'] as string,
        groupLabel: (r['group_label'] as string | null) ?? (r['group_code'] as string),
        accountCode: (r['account_code'] as string | null) ?? null,
        label: r['label'] as string,
        amountCents: r['amount_cents'] === null ? null : Number(r['amount_cents']),
        demo: r['demo'] as boolean,
      })),
    };
  }

  async staffLines(programmeCode: string, page: RowsPageRequest): Promise<EditableRowsPage<EditableStaffLineView>> {
    const from = `FROM staff_line s JOIN programme p ON p.id = s.programme_id WHERE p.code = $1 AND s.year = $2 AND s.basis = 'actual'`;
    const total = count(await this.ds.query(`SELECT count(*)::int AS n ${from}`, [programmeCode, page.year]));
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT s.id::text, s.version, s.job_code, s.job_title, s.quantity::text, s.unit, s.posts, s.demo ${from}
        ORDER BY s.position, s.id LIMIT $3 OFFSET $4`,
      [programmeCode, page.year, page.limit, page.offset],
    );
    return {
      ...envelope(programmeCode, page, total),
      rows: rows.map((r) => ({
        id: r['id'] as string,
        version: r['version'] as number,
        jobCode: r['job_code'] as string,
        jobTitle: r['job_title'] as string,
        quantity: r['quantity'] === null ? null : Number(r['quantity']),
        unit: r['unit'] as string,
        posts: r['posts'] === null ? null : Number(r['posts']),
        demo: r['demo'] as boolean,
      })),
    };
  }

  async episodes(programmeCode: string, page: RowsPageRequest): Promise<EditableEpisodesPage> {
    const from = `FROM support_episode e JOIN programme p ON p.id = e.programme_id
                  WHERE p.code = $1 AND e.entry_date <= $3::date AND (e.exit_date IS NULL OR e.exit_date >= $2::date)`;
    const bounds = [programmeCode, `${page.year}-01-01`, `${page.year}-12-31`];
    const total = count(await this.ds.query(`SELECT count(*)::int AS n ${from}`, bounds));
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT e.id::text, e.version, left(e.participant_key, 8) AS key_prefix, e.kind, e.entry_date::text, e.exit_date::text, e.handover, e.lease_transfer, e.demo
         ${from} ORDER BY e.entry_date, e.id LIMIT $4 OFFSET $5`,
      [...bounds, page.limit, page.offset],
    );
    const kindLabel = (kind: string) => EPISODE_KINDS.find((k) => k.code === kind)?.label ?? kind;
    return {
      ...envelope(programmeCode, page, total),
      rows: rows.map(
        (r): EditableEpisodeView => ({
          id: r['id'] as string,
          version: r['version'] as number,
          keyPrefix: r['key_prefix'] as string,
          kind: r['kind'] as string,
          kindLabel: kindLabel(r['kind'] as string),
          entryDate: r['entry_date'] as string,
          exitDate: (r['exit_date'] as string | null) ?? null,
          handover: (r['handover'] as string | null) ?? null,
          leaseTransfer: r['lease_transfer'] as boolean,
          demo: r['demo'] as boolean,
        }),
      ),
      handovers: HANDOVERS.map((h) => ({ code: h.code, label: h.label })),
    };
  }
}
