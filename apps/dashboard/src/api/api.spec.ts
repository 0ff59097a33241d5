import { agreementKeys, fetchAgreement, fetchAgreements } from './agreements';
import { ApiError, apiUrl, fetchJson } from './fetch-json';
import { fetchObligations, obligationKeys } from './obligations';
import { fetchBudget, fetchFunding, fetchProgramme, fetchProgrammes, programmeKeys } from './programmes';
import { createQueryClient, shouldRetry } from './query-client';
import { fetchReconciliation, reconciliationKeys } from './reconciliation';
import { mockApi, notFound, reply } from '../test/api-mock';
import { acorCentreVilleBudget2022, programmeSummaries } from '../test/fixtures';

describe('fetchJson', () => {
  it('returns the JSON body of a 2xx answer', async () => {
    mockApi({ '/api/programmes': programmeSummaries });
    await expect(fetchJson('/api/programmes')).resolves.toEqual(programmeSummaries);
  });

  it('throws an ApiError carrying the French message of the error body', async () => {
    mockApi({ '/api/programmes/inconnu': notFound('Dispositif introuvable : « inconnu ».') });
    const error = await fetchJson('/api/programmes/inconnu').catch((caught: unknown) => caught);
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
    await expect(fetchJson('/api/obligations')).rejects.toThrow('from doit être une date ; to doit être une date');
  });

  it('has a French message when the body is not an API error', async () => {
    mockApi({ '/api/health': reply(502, 'Bad Gateway') });
    await expect(fetchJson('/api/health')).rejects.toThrow(
      'Le serveur a rencontré une erreur (code 502). Réessayez dans quelques instants.',
    );
  });

  it('has a French message when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await fetchJson('/api/programmes').catch((caught: unknown) => caught);
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
  ])('%s throws an ApiError on a non-2xx answer', async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(ApiError);
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
