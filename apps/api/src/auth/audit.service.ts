import type { AuditEntryView } from '@sdat/api-types';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from './principal';

export interface AuditEntry {
  action: string;
  principal?: Principal | null;
  /** When there is no principal (failed login): who it claimed to be. */
  actorEmail?: string | null;
  request?: Request;
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, unknown> | null;
}

export type AuditRow = AuditEntryView;

/** Writes the append-only audit log (the table refuses UPDATE/DELETE, see the AuthAndAudit migration). */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Inserts one row; pass the transaction's manager so the audit row commits with the write it records. */
  async record(entry: AuditEntry, manager: EntityManager | DataSource = this.ds): Promise<void> {
    const req = entry.request;
    await manager.query(
      `INSERT INTO audit_log (actor_user_id, actor_email, actor_role, action, object_type, object_id, method, path, ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.principal?.userId ?? null,
        entry.principal?.email ?? entry.actorEmail ?? null,
        entry.principal?.role ?? null,
        entry.action,
        entry.objectType ?? null,
        entry.objectId ?? null,
        req?.method ?? null,
        req ? req.originalUrl.split('?')[0] : null,
        req?.ip ?? null,
        entry.details ? JSON.stringify(entry.details) : null,
      ],
    );
  }

  /** Same as record, but never throws (used on refusal paths, where the refusal must still happen). */
  async recordQuietly(entry: AuditEntry): Promise<void> {
    try {
      await this.record(entry);
    } catch (error) {
      this.logger.error(`Écriture du journal d'audit impossible (${entry.action}) : ${(error as Error).message}`);
    }
  }

  async list(limit: number, beforeId?: string): Promise<AuditRow[]> {
    // Qualified: the output column `id` is text, and ORDER BY id would sort it as text ('99' > '100').
    const rows = await this.ds.query(
      `SELECT id::text, at, actor_user_id, actor_email, actor_role, action, object_type, object_id, method, path, ip, details
         FROM audit_log
        WHERE ($1::bigint IS NULL OR audit_log.id < $1::bigint)
        ORDER BY audit_log.id DESC
        LIMIT $2`,
      [beforeId ?? null, limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r['id'] as string,
      at: new Date(r['at'] as string).toISOString(),
      actorUserId: (r['actor_user_id'] as number | null) ?? null,
      actorEmail: (r['actor_email'] as string | null) ?? null,
      actorRole: (r['actor_role'] as string | null) ?? null,
      action: r['action'] as string,
      objectType: (r['object_type'] as string | null) ?? null,
      objectId: (r['object_id'] as string | null) ?? null,
      method: (r['method'] as string | null) ?? null,
      path: (r['path'] as string | null) ?? null,
      ip: (r['ip'] as string | null) ?? null,
      details: (r['details'] as Record<string, unknown> | null) ?? null,
    }));
  }
}
