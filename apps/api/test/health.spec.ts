import request from 'supertest';
import { signInOperator } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('reports the database as up, with the mode the tests run in', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.database.mode).toBe(process.env['TEST_DB_MODE']);
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(res.body.paths).toHaveProperty('/api/health');
  });

  it('rejects unknown routes under /api with a French 404, not the dashboard', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/nope').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Introuvable', message: 'Ressource introuvable : GET /api/nope' });
  });

  it('refuses unknown query fields in French (no mass assignment)', async () => {
    const res = await (await signInOperator(t)).get('/api/programmes/emas/budgets?year=2022&admin=1').expect(400);
    expect(res.body.error).toBe('Requête invalide');
    expect(res.body.message).toEqual(["le paramètre « admin » n'est pas accepté"]);
  });
});
