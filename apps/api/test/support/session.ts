import type { Role } from '@sdat/api-types';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/auth.service';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'mot-de-passe-de-test';

/** A signed-in client: keeps the session cookie and sends the CSRF token on every request. */
export type SignedIn = TestAgent & { email: string; csrfToken: string };

/** Creates (once) a local account `role` in `organisationCode` and returns its e-mail. */
export async function ensureUser(t: TestApp, role: Role, organisationCode: string, suffix = ''): Promise<string> {
  const email = `${role}.${organisationCode}${suffix}@test.sdat.fr`.replace(/_/g, '-');
  const ds = t.app.get(DataSource);
  const [exists] = await ds.query('SELECT 1 FROM app_user WHERE email = $1', [email]);
  if (!exists) {
    const rows = await ds.query(
      `INSERT INTO app_user (email, display_name, role, password_hash, organisation_id)
       SELECT $1, $2, $3, $4, id FROM organisation WHERE code = $5 ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, `${role} ${organisationCode}`, role, await hashPassword(TEST_PASSWORD), organisationCode],
    );
    if (rows.length === 0 && !(await ds.query('SELECT 1 FROM app_user WHERE email = $1', [email])).length) {
      throw new Error(`Organisation inconnue dans les données de référence : ${organisationCode}`);
    }
  }
  return email;
}

/** Signs in through POST /api/auth/login, as a browser would. */
export async function signIn(t: TestApp, role: Role, organisationCode: string, suffix = ''): Promise<SignedIn> {
  const email = await ensureUser(t, role, organisationCode, suffix);
  const agent = request.agent(t.app.getHttpServer());
  await agent.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  const me = await agent.get('/api/auth/me').expect(200);
  agent.set('X-CSRF-Token', me.body.csrfToken);
  return Object.assign(agent, { email, csrfToken: me.body.csrfToken as string });
}

/** The operator of every SDAT programme: sees all their figures, nothing masked. */
export const signInOperator = (t: TestApp) => signIn(t, 'operator', 'sdat');
