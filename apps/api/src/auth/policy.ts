import { SetMetadata } from '@nestjs/common';
import type { Role } from '../database/entities/auth.entity';

export type { Role };

/** Roles that read programme data (everyone but the admin, who manages accounts only). */
export const PROGRAMME_READERS: readonly Role[] = ['operator', 'pilot', 'funder', 'monitoring_committee'];
export const ALL_ROLES: readonly Role[] = ['operator', 'pilot', 'funder', 'monitoring_committee', 'admin'];

/**
 * The access policy of one route: who may call it (roles) and which object must be in the caller's
 * scope. Every route declares one (see `Policy`/`PublicRoute`); a route without a policy is refused
 * by the guard, and `route-policies.spec.ts` fails when one is missing.
 */
export interface RoutePolicy {
  /** Open to anyone (health, login). */
  public?: boolean;
  roles: readonly Role[];
  /** Route parameter carrying a programme code that must be in the caller's scope. */
  programmeParam?: string;
  /** Route parameter carrying an agreement code that must be in the caller's scope. */
  agreementParam?: string;
  /** Query parameter carrying an agreement code that must be in the caller's scope. */
  agreementQuery?: string;
  /**
   * Narrower roles for some values of a route parameter, e.g. the episode-level datasets of an
   * export: `{ param: 'dataset', roles: { episodes: ['operator'] } }` (other values: `roles`).
   */
  byParam?: { param: string; roles: Readonly<Record<string, readonly Role[]>>; message: string };
}

export const POLICY_KEY = 'sdat:policy';

export const Policy = (policy: RoutePolicy) => SetMetadata(POLICY_KEY, policy);

/** No sign-in needed. */
export const PublicRoute = () => Policy({ public: true, roles: [] });
