import { createParamDecorator, NotFoundException, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

/**
 * A programme as the routes that name it need it: its agreement's small-count threshold and its
 * data version (the key of every cache of what is computed or shown for it, see VersionedCache).
 */
export interface ProgrammeRef {
  id: number;
  code: string;
  name: string;
  threshold: number;
  version: string;
}

/** Selects ProgrammeRef columns; callers add their WHERE (by code, by agreement). */
export const PROGRAMME_REF_SQL = `SELECT p.id, p.code, p.name, a.small_count_threshold AS threshold, coalesce(v.version, 0)::text AS version
   FROM programme p JOIN agreement a ON a.id = p.agreement_id LEFT JOIN programme_data_version v ON v.programme_id = p.id`;

/** One programme by code, or a French 404. */
export async function programmeRefOr404(ds: DataSource, code: string): Promise<ProgrammeRef> {
  const [row] = await preparedQuery<ProgrammeRef>(ds, `${PROGRAMME_REF_SQL} WHERE p.code = $1`, [code]);
  if (!row) throw new NotFoundException(`Dispositif introuvable : « ${code.slice(0, 100)} ».`);
  return row;
}

declare module 'express' {
  interface Request {
    /** The programme the route names, read by the AuthGuard with the session (one statement for both). */
    programmeRef?: ProgrammeRef;
  }
}

/** The programme named by the route (a route whose policy has `programmeParam`): read with the session by the AuthGuard. */
export const RouteProgramme = createParamDecorator((_data: unknown, ctx: ExecutionContext): ProgrammeRef => {
  const programme = ctx.switchToHttp().getRequest<Request>().programmeRef;
  if (!programme) throw new Error('RouteProgramme sur une route sans programmeParam dans sa politique');
  return programme;
});
