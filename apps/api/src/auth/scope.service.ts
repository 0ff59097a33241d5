import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { VersionedCache } from '../common/versioned-cache';
import type { Role } from './policy';

export interface Scope {
  programmes: Set<string>;
  agreements: Set<string>;
}

/**
 * What an organisation may see, derived from its links (never from hand-kept lists):
 * - operator: the programmes it operates;
 * - pilot: the programmes it pilots (programme_pilot);
 * - funder: the programmes it funds (a funding row, any year or basis);
 * - monitoring committee: every programme of the agreements it signed;
 * - admin: no programme.
 * Agreements in scope: those of the programmes in scope, plus those the organisation signed
 * (partnership agreements without programmes, such as the Pacte or Carsat's).
 */
@Injectable()
export class ScopeService {
  /**
   * Scopes by organisation and role, valid while the scope version (raised by every write to the
   * links they derive from, see migration DataVersions) is the one read with the session.
   */
  private readonly cache = new VersionedCache<Scope>(1000);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The scope, from the cache when `version` (the current scope version, read by the caller) is the one it was computed under. */
  async resolve(organisationId: number, role: Role, version?: string): Promise<Scope> {
    if (version === undefined) return this.compute(organisationId, role);
    return this.cache.through(`${organisationId}|${role}`, version, () => this.compute(organisationId, role));
  }

  private async compute(organisationId: number, role: Role): Promise<Scope> {
    if (role === 'admin') return { programmes: new Set(), agreements: new Set() };
    const rows: { kind: 'p' | 'a'; code: string }[] = await this.ds.query(
      `WITH visible AS (
         SELECT p.code, p.agreement_id
           FROM programme p
          WHERE CASE $2::text
                  WHEN 'operator' THEN p.operator_id = $1
                  WHEN 'pilot' THEN EXISTS (SELECT 1 FROM programme_pilot pp WHERE pp.programme_id = p.id AND pp.organisation_id = $1)
                  WHEN 'funder' THEN EXISTS (SELECT 1 FROM funding f WHERE f.programme_id = p.id AND f.funder_id = $1)
                  WHEN 'monitoring_committee' THEN EXISTS (SELECT 1 FROM agreement_signatory s WHERE s.agreement_id = p.agreement_id AND s.organisation_id = $1)
                  ELSE false
                END)
       SELECT 'p' AS kind, code FROM visible
       UNION
       SELECT 'a' AS kind, a.code
         FROM agreement a
        WHERE EXISTS (SELECT 1 FROM agreement_signatory s WHERE s.agreement_id = a.id AND s.organisation_id = $1)
           OR EXISTS (SELECT 1 FROM visible v WHERE v.agreement_id = a.id)`,
      [organisationId, role],
    );
    const scope: Scope = { programmes: new Set(), agreements: new Set() };
    for (const row of rows) (row.kind === 'p' ? scope.programmes : scope.agreements).add(row.code);
    return scope;
  }

  async agreementExists(code: string): Promise<boolean> {
    const rows = await this.ds.query('SELECT 1 FROM agreement WHERE code = $1', [code]);
    return rows.length > 0;
  }
}
