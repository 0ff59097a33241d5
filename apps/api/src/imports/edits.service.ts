import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HANDOVERS } from '@sdat/reference-data';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Principal } from '../auth/principal';
import { assertYearUnlocked } from '../reports/report-locks';
import type { BudgetLineEdit, EpisodeEdit, StaffLineEdit } from './edits';
import type { ConflictReason } from '@sdat/api-types';

const stale = (what: string, current: number, sent: number) =>
  new ConflictException({
    message: `${what} a changé entre-temps (version ${current}, vous aviez la version ${sent}) : rechargez la page, rien n'a été enregistré.`,
    reason: 'stale_version' satisfies ConflictReason,
  });

/**
 * Small corrections in the dashboard, one row at a time, with optimistic locking (the second of two
 * concurrent edits gets 409) and the year lock; each is audited with its before/after.
 */
@Injectable()
export class EditsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async edit<T extends Record<string, unknown>>(
    what: { table: 'budget_line' | 'staff_line' | 'support_episode'; label: string; objectType: string },
    select: string,
    programmeCode: string,
    id: string,
    sentVersion: number,
    principal: Principal,
    request: Request,
    apply: (manager: EntityManager, before: T) => Promise<void>,
    years: (row: T) => number[],
  ): Promise<T> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException(`${what.label} introuvable : ${id.slice(0, 20)}`);
    return this.ds.transaction(async (manager) => {
      const [before] = (await manager.query(select, [id, programmeCode])) as T[];
      if (!before) throw new NotFoundException(`${what.label} introuvable dans ce dispositif : ${id}`);
      for (const year of years(before)) await assertYearUnlocked(manager, before['programme_id'] as number, year);
      const [, affected] = await manager.query(`UPDATE ${what.table} SET version = version + 1 WHERE id = $1 AND version = $2`, [id, sentVersion]);
      if (affected === 0) throw stale(what.label, before['version'] as number, sentVersion);
      await apply(manager, before);
      const [after] = (await manager.query(select, [id, programmeCode])) as T[];
      await this.audit.record({ action: 'row_edited', principal, request, objectType: what.objectType, objectId: id, details: { programmeCode, before, after } }, manager);
      return after;
    });
  }

  budgetLine(programmeCode: string, id: string, body: BudgetLineEdit, principal: Principal, request: Request) {
    return this.edit<Record<string, unknown>>(
      { table: 'budget_line', label: 'La ligne de budget', objectType: 'budget_line' },
      `SELECT l.id::text, l.account_code, l.label, l.amount_cents::text, l.version, b.year, b.basis, b.programme_id
         FROM budget_line l JOIN budget b ON b.id = l.budget_id JOIN programme p ON p.id = b.programme_id
        WHERE l.id = $1 AND p.code = $2`,
      programmeCode,
      id,
      body.version,
      principal,
      request,
      async (manager) => {
        await manager.query(`UPDATE budget_line SET amount_cents = COALESCE($2, amount_cents), label = COALESCE($3, label), printed_amount = NULL WHERE id = $1`, [
          id,
          body.amountCents ?? null,
          body.label?.trim() ?? null,
        ]);
      },
      (row) => [row['year'] as number],
    );
  }

  staffLine(programmeCode: string, id: string, body: StaffLineEdit, principal: Principal, request: Request) {
    return this.edit<Record<string, unknown>>(
      { table: 'staff_line', label: 'La ligne de personnel', objectType: 'staff_line' },
      `SELECT s.id::text, s.job_code, s.job_title, s.quantity::text, s.unit, s.version, s.year, s.basis, s.programme_id
         FROM staff_line s JOIN programme p ON p.id = s.programme_id WHERE s.id = $1 AND p.code = $2`,
      programmeCode,
      id,
      body.version,
      principal,
      request,
      async (manager, before) => {
        if (body.fte !== undefined && before['unit'] !== 'fte') throw new BadRequestException("Cette ligne n'est pas exprimée en ETP : son nombre ne peut pas être saisi comme ETP.");
        await manager.query(`UPDATE staff_line SET quantity = COALESCE($2, quantity), job_title = COALESCE($3, job_title), printed = NULL WHERE id = $1`, [
          id,
          body.fte ?? null,
          body.jobTitle?.trim() ?? null,
        ]);
      },
      (row) => [row['year'] as number],
    );
  }

  episode(programmeCode: string, id: string, body: EpisodeEdit, principal: Principal, request: Request) {
    if (body.handover !== undefined && body.handover !== null && !HANDOVERS.some((h) => h.code === body.handover)) {
      throw new BadRequestException(`Relais à la sortie inconnu : « ${String(body.handover).slice(0, 40)} ».`);
    }
    return this.edit<Record<string, unknown>>(
      { table: 'support_episode', label: "L'accompagnement", objectType: 'support_episode' },
      `SELECT e.id::text, e.kind, e.entry_date::text, e.exit_date::text, e.handover, e.lease_transfer, e.version, e.programme_id
         FROM support_episode e JOIN programme p ON p.id = e.programme_id WHERE e.id = $1 AND p.code = $2`,
      programmeCode,
      id,
      body.version,
      principal,
      request,
      async (manager, before) => {
        const exit = body.exitDate === undefined ? (before['exit_date'] as string | null) : body.exitDate;
        if (exit !== null && exit < (before['entry_date'] as string)) {
          throw new BadRequestException(`La date de sortie (${exit}) précède la date d'entrée (${before['entry_date']}).`);
        }
        if (exit !== null) await assertYearUnlocked(manager, before['programme_id'] as number, Number(exit.slice(0, 4)));
        await manager.query(
          `UPDATE support_episode SET exit_date = $2, handover = CASE WHEN $3::boolean THEN $4 ELSE handover END, lease_transfer = COALESCE($5, lease_transfer) WHERE id = $1`,
          [id, exit, body.handover !== undefined, body.handover ?? null, body.leaseTransfer ?? null],
        );
      },
      (row) => {
        const first = Number((row['entry_date'] as string).slice(0, 4));
        const last = row['exit_date'] ? Number((row['exit_date'] as string).slice(0, 4)) : first;
        return Array.from({ length: last - first + 1 }, (_, i) => first + i);
      },
    );
  }
}
