import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DATABASE_UNAVAILABLE, FrenchHttpErrorFilter, isDatabaseUnavailable } from '../src/common/http-errors';

/** The filter's answer to `exception`: status, headers and JSON body. */
function answer(exception: unknown) {
  const res = {
    statusCode: 0,
    headers: {} as Record<string, string>,
    body: undefined as unknown,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'GET', path: '/api/programmes' }) }),
  } as unknown as ArgumentsHost;
  new FrenchHttpErrorFilter().catch(exception, host);
  return res;
}

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('database unavailable → 503 in French (not 500)', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  const down: [string, unknown][] = [
    ['connection refused (server stopped)', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['admin_shutdown (57P01) wrapped by TypeORM', new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01'))],
    ['cannot_connect_now (57P03)', withCode('the database system is starting up', '57P03')],
    ['connection_failure (08006)', withCode('connection failure', '08006')],
    ['connection terminated by a restart', new Error('Connection terminated unexpectedly')],
    ['pool timeout while connecting', new Error('timeout exceeded when trying to connect')],
    ['transaction whose connection died (TypeORM released its query runner)', new QueryRunnerProviderAlreadyReleasedError()],
    ['query builder on a query runner released when its connection died', new QueryRunnerAlreadyReleasedError()],
    ['several addresses refused (AggregateError)', Object.assign(new Error('connect failed'), { name: 'AggregateError', errors: [withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')] })],
    ['refusal as the cause of another error', Object.assign(new Error('query failed'), { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') })],
  ];

  it.each(down)('%s', (_name, exception) => {
    expect(isDatabaseUnavailable(exception)).toBe(true);
    const res = answer(exception);
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe('5');
    expect(res.body).toEqual({ statusCode: 503, error: 'Service indisponible', message: DATABASE_UNAVAILABLE });
    expect(DATABASE_UNAVAILABLE).toBe('Base de données indisponible, réessayez dans quelques secondes.');
  });

  it('other errors stay a generic 500 (a unique violation, a programming error)', () => {
    for (const exception of [new QueryFailedError('INSERT', [], withCode('duplicate key value', '23505')), new TypeError('x is undefined'), 'boom', null]) {
      expect(isDatabaseUnavailable(exception)).toBe(false);
      const res = answer(exception);
      expect(res.statusCode).toBe(500);
      expect(res.body).toMatchObject({ statusCode: 500, error: 'Erreur interne du serveur' });
    }
  });
});
