import type { Role } from './policy';

/** The signed-in user as the server sees it for one request. */
export interface Principal {
  userId: number;
  email: string;
  displayName: string;
  role: Role;
  organisation: { id: number; code: string; name: string };
  sessionId: string;
  csrfToken: string;
  /** Programme codes in scope (operator of, pilot of, funder of, signatory of their agreement). */
  programmes: ReadonlySet<string>;
  /** Agreement codes in scope (those of the programmes in scope, and those the organisation signed). */
  agreements: ReadonlySet<string>;
}

/** Every role but the operator receives counts of people through the small-count rule. */
export function seesSmallCounts(principal: Principal): boolean {
  return principal.role === 'operator';
}

declare module 'express' {
  interface Request {
    principal?: Principal;
  }
}
