import { agreementKeys, fetchAgreement, fetchAgreements } from './agreements';
import { ApiError, apiFetch, apiUrl, connectApiSession, CSRF_HEADER } from './api-fetch';
import { authKeys, fetchDemoAccounts, fetchMe, login } from './auth';
import { adminKeys, fetchAudit, updateUser } from './admin';
import {
  comparisonKeys,
  fetchComparison,
  fetchIndicatorCatalogue,
  fetchProgrammeIndicator,
  fetchProgrammeIndicators,
  freshnessForYears,
  indicatorKeys,
  isLockedYear,
} from './indicators';
import { fetchObligations, obligationKeys } from './obligations';
import { fetchBudget, fetchFunding, fetchProgramme, fetchProgrammes, programmeKeys } from './programmes';
import { createQueryClient, shouldRetry } from './query-client';
import { fetchReconciliation, reconciliationKeys } from './reconciliation';
import { mockApi, notFound, reply } from '../test/api-mock';
import { acorCentreVilleBudget2022, programmeSummaries } from '../test/fixtures';

describe('apiFetch', () => {
  it('returns the JSON body of a 2xx answer', async () => {
    mockApi({ '/api/programmes': programmeSummaries });
    await expect(apiFetch('/api/programmes')).resolves.toEqual(programmeSummaries);
  });

  it('throws an ApiError carrying the French message of the error body', async () => {
    mockApi({ '/api/programmes/inconnu': notFound('Dispositif introuvable : « inconnu ».') });
    const error = await apiFetch('/api/programmes/inconnu').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toBe('Dispositif introuvable : « inconnu ».');
    expect((error as ApiError).isClientError).toBe(true);
  });

  it('joins the messages of a validation error', async () => {
    mockApi({
      '/api/obligations': reply(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: ['from doit être une date', 'to doit être une date'],
      }),
    });
    await expect(apiFetch('/api/obligations')).rejects.toThrow('from doit être une date ; to doit être une date');
  });

  it('has a French message when the body is not an API error', async () => {
    mockApi({ '/api/health': reply(502, 'Bad Gateway') });
    await expect(apiFetch('/api/health')).rejects.toThrow(
      'Le serveur a rencontré une erreur (code 502). Réessayez dans quelques instants.',
    );
  });

  it('has a French message when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await apiFetch('/api/programmes').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).message).toMatch(/^Impossible de joindre le serveur/);
  });

  it('builds encoded API addresses', () => {
    expect(apiUrl('programmes')).toBe('/api/programmes');
    expect(apiUrl('obligations', { from: '2025-01-01', to: '2026-01-01', ignored: undefined })).toBe(
      '/api/obligations?from=2025-01-01&to=2026-01-01',
    );
  });
});

describe('apiFetch and the session', () => {
  let disconnect: () => void = () => undefined;
  afterEach(() => disconnect());

  function headersOf(call: unknown[] | undefined): Headers {
    return new Headers((call?.[1] as RequestInit | undefined)?.headers);
  }

  it('sends the session cookie (same origin) and no CSRF header on a GET', async () => {
    disconnect = connectApiSession({ csrfToken: () => 'jeton', onUnauthorized: vi.fn() });
    const fetchMock = mockApi({ '/api/programmes': programmeSummaries });
    await apiFetch('/api/programmes');
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('GET');
    expect(headersOf(fetchMock.mock.calls[0]).has(CSRF_HEADER)).toBe(false);
  });

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'])('adds the CSRF token of the session on a %s, with the JSON body', async (method) => {
    disconnect = connectApiSession({ csrfToken: () => 'jeton-de-la-session', onUnauthorized: vi.fn() });
    const fetchMock = mockApi({ '/api/admin/users/3': { id: 3 } });
    await apiFetch('/api/admin/users/3', { method, json: { version: 2, disabled: true } });
    const headers = headersOf(fetchMock.mock.calls[0]);
    expect(headers.get('X-CSRF-Token')).toBe('jeton-de-la-session');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect((fetchMock.mock.calls[0]?.[1] as RequestInit).body).toBe('{"version":2,"disabled":true}');
  });

  it('reads the token at the time of the call (a new session, a new token)', async () => {
    let token = 'premier';
    disconnect = connectApiSession({ csrfToken: () => token, onUnauthorized: vi.fn() });
    const fetchMock = mockApi({ '/api/x': {} });
    await apiFetch('/api/x', { method: 'POST' });
    token = 'second';
    await apiFetch('/api/x', { method: 'POST' });
    expect(fetchMock.mock.calls.map((call) => headersOf(call).get(CSRF_HEADER))).toEqual(['premier', 'second']);
  });

  it('sends no CSRF header when nobody is signed in (sign-in request)', async () => {
    const fetchMock = mockApi({ '/api/auth/login': { ok: true } });
    await login('operateur@demo.sdat.fr', 'demonstration');
    expect(headersOf(fetchMock.mock.calls[0]).has(CSRF_HEADER)).toBe(false);
    expect((fetchMock.mock.calls[0]?.[1] as RequestInit).method).toBe('POST');
  });

  it('tells the session about a 401 and throws a typed error with the French message', async () => {
    const onUnauthorized = vi.fn();
    disconnect = connectApiSession({ csrfToken: () => 'jeton', onUnauthorized });
    mockApi({ '/api/programmes': reply(401, { statusCode: 401, error: 'Authentification requise', message: 'Connexion requise.' }) });
    const error = await apiFetch('/api/programmes').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isUnauthorized).toBe(true);
    expect((error as ApiError).message).toBe('Connexion requise.');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not end the session on a 401 of the sign-in (wrong credentials) nor of `me`', async () => {
    const onUnauthorized = vi.fn();
    disconnect = connectApiSession({ csrfToken: () => null, onUnauthorized });
    mockApi({
      '/api/auth/login': reply(401, { statusCode: 401, error: 'Authentification requise', message: 'Identifiant ou mot de passe incorrect.' }),
      '/api/auth/me': reply(401, { statusCode: 401, error: 'Authentification requise', message: 'Connexion requise.' }),
    });
    await expect(login('x@y.fr', 'z')).rejects.toThrow('Identifiant ou mot de passe incorrect.');
    await expect(fetchMe()).resolves.toBeNull();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not end the session on a 403 (out of scope): the page says « Accès refusé »', async () => {
    const onUnauthorized = vi.fn();
    disconnect = connectApiSession({ csrfToken: () => 'jeton', onUnauthorized });
    mockApi({
      '/api/programmes/emas': reply(403, {
        statusCode: 403,
        error: 'Accès refusé',
        message: "Ce dispositif n'est pas dans le périmètre de votre organisation.",
      }),
    });
    const error = (await apiFetch('/api/programmes/emas').catch((caught: unknown) => caught)) as ApiError;
    expect(error.isForbidden).toBe(true);
    expect(error.message).toBe("Ce dispositif n'est pas dans le périmètre de votre organisation.");
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('carries the French 409 message of a stale version', async () => {
    disconnect = connectApiSession({ csrfToken: () => 'jeton', onUnauthorized: vi.fn() });
    const message = 'Le compte pilote.ccas@demo.sdat.fr a été modifié par ailleurs (version 3, vous aviez la version 2) : rechargez-le.';
    mockApi({ '/api/admin/users/2': reply(409, { statusCode: 409, error: 'Conflit', message }) });
    const error = (await updateUser(2, { version: 2, disabled: true }).catch((caught: unknown) => caught)) as ApiError;
    expect(error.isConflict).toBe(true);
    expect(error.message).toBe(message);
  });

  it('gives an empty list of demo accounts outside demo mode (404)', async () => {
    mockApi({});
    await expect(fetchDemoAccounts()).resolves.toEqual([]);
  });

  it('pages the audit log with `before`', async () => {
    const fetchMock = mockApi({ '/api/admin/audit': [] });
    await fetchAudit(50);
    await fetchAudit(50, '120');
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/admin/audit?limit=50', '/api/admin/audit?limit=50&before=120']);
  });
});

describe('query functions', () => {
  beforeEach(() => {
    mockApi({
      '/api/programmes/acor-centre-ville/budgets': acorCentreVilleBudget2022,
      '/api/reconciliation': reply(500, { statusCode: 500, error: 'Internal Server Error', message: 'Erreur interne du serveur.' }),
    });
  });

  it('call the documented endpoints', async () => {
    const fetchMock = mockApi({ '/api/programmes/acor-centre-ville/budgets': acorCentreVilleBudget2022 });
    await expect(fetchBudget('acor-centre-ville', 2022, 'forecast')).resolves.toEqual(acorCentreVilleBudget2022);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/programmes/acor-centre-ville/budgets?year=2022&basis=forecast');
  });

  it.each([
    ['fetchProgrammes', () => fetchProgrammes()],
    ['fetchProgramme', () => fetchProgramme('emas')],
    ['fetchBudget', () => fetchBudget('emas', 2022, 'actual')],
    ['fetchFunding', () => fetchFunding('emas', 2022, 'forecast')],
    ['fetchAgreements', () => fetchAgreements()],
    ['fetchAgreement', () => fetchAgreement('convention-cadre-sdat-2022')],
    ['fetchReconciliation', () => fetchReconciliation()],
    ['fetchObligations', () => fetchObligations('2025-01-01', '2025-12-31')],
    ['fetchIndicatorCatalogue', () => fetchIndicatorCatalogue()],
    ['fetchProgrammeIndicators', () => fetchProgrammeIndicators('emas', 2022, 'actual')],
    ['fetchProgrammeIndicator', () => fetchProgrammeIndicator('emas', 'entries', 2022, 'actual')],
    ['fetchComparison', () => fetchComparison('convention-cadre-sdat-2022', [2022], 'actual')],
  ])('%s throws an ApiError on a non-2xx answer', async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(ApiError);
  });

  it('call the indicator endpoints with the year and basis, years sorted', async () => {
    const fetchMock = mockApi({});
    await fetchProgrammeIndicators('acor-centre-ville', 2022, 'actual').catch(() => undefined);
    await fetchProgrammeIndicator('acor-centre-ville', 'payroll_ratio', 2021, 'forecast').catch(() => undefined);
    await fetchComparison('convention-cadre-sdat-2022', [2023, 2020, 2021], 'actual').catch(() => undefined);
    await fetchIndicatorCatalogue().catch(() => undefined);
    expect(fetchMock.mock.calls.map(([url]) => decodeURIComponent(String(url)))).toEqual([
      '/api/programmes/acor-centre-ville/indicators?year=2022&basis=actual',
      '/api/programmes/acor-centre-ville/indicators/payroll_ratio?year=2021&basis=forecast',
      '/api/comparisons?agreement=convention-cadre-sdat-2022&years=2020,2021,2023&basis=actual',
      '/api/indicators',
    ]);
  });

  it('encodes the codes in the path', async () => {
    const fetchMock = mockApi({});
    await fetchProgramme('a/b?c').catch(() => undefined);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/programmes/a%2Fb%3Fc');
  });
});

describe('query keys', () => {
  it('are distinct for distinct queries', () => {
    const keys = [
      programmeKeys.all,
      programmeKeys.list(),
      programmeKeys.detail('emas'),
      programmeKeys.detail('acor-centre-ville'),
      programmeKeys.budget('emas', 2022, 'forecast'),
      programmeKeys.budget('emas', 2022, 'actual'),
      programmeKeys.budget('emas', 2023, 'forecast'),
      programmeKeys.funding('emas', 2022, 'forecast'),
      programmeKeys.funding('emas', 2023, 'forecast'),
      agreementKeys.all,
      agreementKeys.list(),
      agreementKeys.detail('emas'),
      reconciliationKeys.all,
      reconciliationKeys.list(),
      obligationKeys.all,
      obligationKeys.range('2025-01-01', '2025-12-31'),
      obligationKeys.range('2025-01-01', '2026-12-31'),
      indicatorKeys.all,
      indicatorKeys.catalogue(),
      indicatorKeys.programme('emas'),
      indicatorKeys.programmeYear('emas', 2022, 'actual'),
      indicatorKeys.programmeYear('emas', 2022, 'forecast'),
      indicatorKeys.programmeYear('emas', 2021, 'actual'),
      indicatorKeys.one('emas', 'entries', 2022, 'actual'),
      comparisonKeys.all,
      comparisonKeys.view('convention-cadre-sdat-2022', [2021, 2022], 'actual'),
      comparisonKeys.view('convention-cadre-sdat-2022', [2021, 2022], 'forecast'),
      comparisonKeys.view('convention-cadre-sdat-2022', [2022], 'actual'),
      authKeys.all,
      authKeys.me(),
      authKeys.demoAccounts(),
      adminKeys.all,
      adminKeys.users(),
      adminKeys.organisations(),
      adminKeys.audit(50),
      obligationKeys.range('2025-01-01', '2025-12-31', ['convention-cadre-sdat-2022']),
    ];
    expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(keys.length);
  });

  it('nest under their feature so that a feature can be invalidated at once', () => {
    const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
      prefix.every((part, index) => key[index] === part);
    expect(startsWith(programmeKeys.budget('emas', 2022, 'forecast'), programmeKeys.detail('emas'))).toBe(true);
    expect(startsWith(programmeKeys.funding('emas', 2022, 'forecast'), programmeKeys.all)).toBe(true);
    expect(startsWith(agreementKeys.detail('x'), agreementKeys.all)).toBe(true);
    expect(startsWith(obligationKeys.range('a', 'b'), obligationKeys.all)).toBe(true);
    expect(startsWith(indicatorKeys.one('emas', 'entries', 2022, 'actual'), indicatorKeys.programmeYear('emas', 2022, 'actual'))).toBe(true);
    expect(startsWith(indicatorKeys.programmeYear('emas', 2022, 'actual'), indicatorKeys.programme('emas'))).toBe(true);
    expect(startsWith(comparisonKeys.view('x', [2022], 'actual'), comparisonKeys.all)).toBe(true);
    expect(startsWith(authKeys.me(), authKeys.all)).toBe(true);
    expect(startsWith(adminKeys.audit(50), adminKeys.all)).toBe(true);
  });

  it('do not depend on the order of the years of a comparison', () => {
    expect(comparisonKeys.view('x', [2022, 2020], 'actual')).toEqual(comparisonKeys.view('x', [2020, 2022], 'actual'));
  });
});

describe('locked years', () => {
  const today = new Date(2025, 10, 23);

  it('are the years up to the current year − 2: their figures never go stale', () => {
    expect(isLockedYear(2023, today)).toBe(true);
    expect(isLockedYear(2024, today)).toBe(false);
    expect(freshnessForYears([2020, 2023], today)).toEqual({ staleTime: Infinity });
  });

  it('keep the client default as soon as one year is recent (no explicit undefined)', () => {
    expect(freshnessForYears([2023, 2024], today)).toEqual({});
    expect(freshnessForYears([], today)).toEqual({});
    expect('staleTime' in freshnessForYears([2025], today)).toBe(false);
  });
});

describe('query client', () => {
  it('never retries a 4xx, retries server and network errors twice', () => {
    expect(shouldRetry(0, new ApiError(404, 'introuvable'))).toBe(false);
    expect(shouldRetry(0, new ApiError(400, 'invalide'))).toBe(false);
    expect(shouldRetry(0, new ApiError(503, 'indisponible'))).toBe(true);
    expect(shouldRetry(1, new ApiError(0, 'injoignable'))).toBe(true);
    expect(shouldRetry(2, new ApiError(500, 'erreur'))).toBe(false);
  });

  it('keeps data fresh for a while and does not refetch on focus', () => {
    const defaults = createQueryClient().getDefaultOptions().queries;
    expect(defaults?.staleTime).toBe(5 * 60 * 1000);
    expect(defaults?.refetchOnWindowFocus).toBe(false);
    expect(defaults?.retry).toBe(shouldRetry);
  });
});
