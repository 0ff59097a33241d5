import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { PROGRAMME_REF_SQL, type ProgrammeRef } from '../common/programme-ref';
import { preparedQuery } from '../database/prepared-query';
import { AuditService } from './audit.service';
import type { Principal } from './principal';
import type { Role } from './policy';
import { ScopeService } from './scope.service';

export const SESSION_COOKIE = 'sdat_session';
export const CSRF_HEADER = 'x-csrf-token';

/** argon2id with the library's defaults (64 MiB, t=3, p=4), as OWASP recommends. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Compares two strings in constant time (CSRF tokens). */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface SessionRow {
  session_id: string;
  csrf_token: string;
  user_id: number;
  email: string;
  display_name: string;
  role: Role;
  org_id: number;
  org_code: string;
  org_name: string;
  scope_version: string;
  programme_id: number | null;
  programme_code: string;
  programme_name: string;
  programme_threshold: number;
  programme_version: string;
}

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

interface UserRow {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  organisation_id: number;
}

/** Local accounts, sessions and the principal of a request. */
@Injectable()
export class AuthService {
  /** A hash to verify against when the account does not exist, so timing does not tell. */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly scopes: ScopeService,
  ) {}

  /**
   * Checks a password and opens a session. Every failure answers the same 401 (unknown account,
   * wrong password, locked, disabled); the audit log says which. After LOGIN_MAX_FAILURES failures
   * in a row the account is locked for LOGIN_LOCK_MINUTES, even for the right password.
   */
  async login(emailInput: string, password: string, request: Request): Promise<{ token: string; expiresAt: Date }> {
    const email = emailInput.trim().toLowerCase();
    const [user]: UserRow[] = await this.ds.query(
      `SELECT id, email, display_name, role, password_hash, disabled, failed_logins, locked_until, organisation_id
         FROM app_user WHERE email = $1`,
      [email],
    );
    const fail = async (reason: string): Promise<never> => {
      await this.audit.recordQuietly({ action: 'login_failed', actorEmail: email, request, details: { reason } });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    };
    if (!user || !user.password_hash) {
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      return fail(user ? 'no_local_password' : 'unknown_account');
    }
    const valid = await argon2.verify(user.password_hash, password).catch(() => false);
    if (user.disabled) return fail('disabled');
    if (user.locked_until && user.locked_until.getTime() > Date.now()) return fail('locked');
    if (!valid) {
      const env = this.config.env;
      await this.ds.query(
        `UPDATE app_user
            SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
          WHERE id = $1`,
        [user.id, env.LOGIN_MAX_FAILURES, env.LOGIN_LOCK_MINUTES],
      );
      return fail(user.failed_logins + 1 >= env.LOGIN_MAX_FAILURES ? 'wrong_password_account_locked' : 'wrong_password');
    }
    return this.ds.transaction(async (manager) => {
      await manager.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
      return this.openSession(manager, user, request, { method: 'password' });
    });
  }

  /**
   * Opens a session for a user already authenticated (password checked, or OIDC identity mapped):
   * a random 256-bit token for the cookie, stored as its SHA-256, and the `login_succeeded` audit row,
   * in the caller's transaction. Local and OIDC sign-ins open the same kind of session.
   */
  async openSession(
    manager: EntityManager,
    user: { id: number; email: string; role: Role },
    request: Request,
    details: Record<string, unknown>,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.env.SESSION_TTL_HOURS * 3600_000);
    const [session] = await manager.query(
      `INSERT INTO user_session (token_hash, csrf_token, expires_at, user_id) VALUES ($1, $2, $3, $4) RETURNING id::text`,
      [sha256(token), randomBytes(24).toString('base64url'), expiresAt, user.id],
    );
    await this.audit.record(
      {
        action: 'login_succeeded',
        request,
        principal: null,
        actorEmail: user.email,
        objectType: 'session',
        objectId: session.id,
        details: { userId: user.id, role: user.role, ...details },
      },
      manager,
    );
    return { token, expiresAt };
  }

  /** Names of organisations by code (those found). */
  async organisationNames(codes: readonly string[]): Promise<Map<string, string>> {
    const rows: { code: string; name: string }[] = await this.ds.query('SELECT code, name FROM organisation WHERE code = ANY($1)', [[...codes]]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /**
   * The principal of a session token, or null when the session is unknown, expired, revoked or its
   * user disabled; with it, in the same statement, the programme the route names (`programmeCode`,
   * null when the route names none; `programme` null when no such programme exists). One prepared
   * statement per request: see docs/performance.md § 1.
   */
  async resolveSession(token: string, programmeCode: string | null): Promise<{ principal: Principal; programme: ProgrammeRef | null } | null> {
    const [row] = await preparedQuery<SessionRow>(
      this.ds,
      `SELECT s.id::text AS session_id, s.csrf_token, u.id AS user_id, u.email, u.display_name, u.role,
              o.id AS org_id, o.code AS org_code, o.name AS org_name,
              coalesce((SELECT version FROM data_version WHERE key = 'scope'), 0)::text AS scope_version,
              rp.id AS programme_id, rp.code AS programme_code, rp.name AS programme_name,
              rp.threshold AS programme_threshold, rp.version AS programme_version
         FROM user_session s
         JOIN app_user u ON u.id = s.user_id
         JOIN organisation o ON o.id = u.organisation_id
         LEFT JOIN LATERAL (${PROGRAMME_REF_SQL} WHERE p.code = $2::text) rp ON true
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [sha256(token), programmeCode],
    );
    if (!row) return null;
    const scope = await this.scopes.resolve(row.org_id, row.role, row.scope_version);
    const principal: Principal = {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      organisation: { id: row.org_id, code: row.org_code, name: row.org_name },
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      programmes: scope.programmes,
      agreements: scope.agreements,
    };
    const programme =
      row.programme_id === null
        ? null
        : { id: row.programme_id, code: row.programme_code, name: row.programme_name, threshold: row.programme_threshold, version: row.programme_version };
    return { principal, programme };
  }

  async logout(principal: Principal, request: Request): Promise<void> {
    await this.ds.transaction(async (manager) => {
      await manager.query('UPDATE user_session SET revoked_at = now() WHERE id = $1', [principal.sessionId]);
      await this.audit.record({ action: 'logout', principal, request, objectType: 'session', objectId: principal.sessionId }, manager);
    });
  }
}
