import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserView } from '@sdat/api-types';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateUserDto, UpdateUserDto } from './auth.dto';
import { AuditService } from './audit.service';
import { hashPassword } from './auth.service';
import type { Principal } from './principal';

const USER_SELECT = `SELECT u.id, u.email, u.display_name, u.role, u.disabled, u.demo, u.created_at, u.version,
       (u.locked_until IS NOT NULL AND u.locked_until > now()) AS locked, o.code AS org_code, o.name AS org_name
  FROM app_user u JOIN organisation o ON o.id = u.organisation_id`;

function view(r: Record<string, unknown>): UserView {
  return {
    id: r['id'] as number,
    email: r['email'] as string,
    displayName: r['display_name'] as string,
    role: r['role'] as UserView['role'],
    organisation: { code: r['org_code'] as string, name: r['org_name'] as string },
    disabled: r['disabled'] as boolean,
    locked: r['locked'] as boolean,
    demo: r['demo'] as boolean,
    createdAt: new Date(r['created_at'] as string).toISOString(),
    version: r['version'] as number,
  };
}

/** Accounts, managed by admins. Every change is audited with its before/after (never a password hash). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.ds.query(`${USER_SELECT} ORDER BY u.email`)).map(view);
  }

  private async one(manager: EntityManager | DataSource, id: number): Promise<UserView> {
    const [row] = await manager.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
    if (!row) throw new NotFoundException(`Utilisateur introuvable : ${id}`);
    return view(row);
  }

  private async organisationId(manager: EntityManager, code: string): Promise<number> {
    const [row] = await manager.query('SELECT id FROM organisation WHERE code = $1', [code]);
    if (!row) throw new BadRequestException(`Organisation inconnue : « ${code} »`);
    return row.id;
  }

  async create(body: CreateUserDto, actor: Principal, request: Request): Promise<UserView> {
    const hash = await hashPassword(body.password);
    return this.ds.transaction(async (manager) => {
      const organisationId = await this.organisationId(manager, body.organisationCode);
      const rows = await manager.query(
        `INSERT INTO app_user (email, display_name, role, password_hash, organisation_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [body.email.trim().toLowerCase(), body.displayName.trim(), body.role, hash, organisationId],
      );
      if (rows.length === 0) throw new ConflictException(`Un compte existe déjà pour ${body.email.trim().toLowerCase()}.`);
      const created = await this.one(manager, rows[0].id);
      await this.audit.record({ action: 'user_created', principal: actor, request, objectType: 'user', objectId: String(created.id), details: { after: created } }, manager);
      return created;
    });
  }

  async update(id: number, body: UpdateUserDto, actor: Principal, request: Request): Promise<UserView> {
    const hash = body.password === undefined ? null : await hashPassword(body.password);
    return this.ds.transaction(async (manager) => {
      const before = await this.one(manager, id);
      const organisationId = body.organisationCode === undefined ? null : await this.organisationId(manager, body.organisationCode);
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [rows] = await manager.query(
        `UPDATE app_user SET
            display_name = COALESCE($3, display_name),
            role = COALESCE($4, role),
            organisation_id = COALESCE($5, organisation_id),
            disabled = COALESCE($6, disabled),
            password_hash = COALESCE($7, password_hash),
            failed_logins = CASE WHEN $7::text IS NULL THEN failed_logins ELSE 0 END,
            locked_until = CASE WHEN $7::text IS NULL THEN locked_until ELSE NULL END,
            version = version + 1
          WHERE id = $1 AND version = $2 RETURNING id`,
        [id, body.version, body.displayName?.trim() ?? null, body.role ?? null, organisationId, body.disabled ?? null, hash],
      );
      if (rows.length === 0) {
        throw new ConflictException(
          `Le compte ${before.email} a été modifié par ailleurs (version ${before.version}, vous aviez la version ${body.version}) : rechargez-le.`,
        );
      }
      // Disabling, or changing role or organisation, ends the user's sessions: scope is re-read at the next sign-in.
      if (body.disabled === true || body.role !== undefined || organisationId !== null || hash !== null) {
        await manager.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      }
      const after = await this.one(manager, id);
      await this.audit.record(
        {
          action: 'user_updated',
          principal: actor,
          request,
          objectType: 'user',
          objectId: String(id),
          details: { before, after, passwordChanged: hash !== null },
        },
        manager,
      );
      return after;
    });
  }

  async organisations(): Promise<{ code: string; name: string; kinds: string[] }[]> {
    return this.ds.query('SELECT code, name, kinds FROM organisation ORDER BY name');
  }
}
