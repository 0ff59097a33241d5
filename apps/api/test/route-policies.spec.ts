import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { POLICY_KEY, type RoutePolicy } from '../src/auth/policy';
import { startTestApp, type TestApp } from './support/test-app';

interface RouteInfo {
  route: string;
  policy: RoutePolicy | undefined;
}

/** Every route of every controller registered in the application, with its policy. */
function registeredRoutes(t: TestApp): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string | undefined;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const policy = (Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, type)) as RoutePolicy | undefined;
        routes.push({ route: `${method} /api/${[base, path].filter((p) => p && p !== '/').join('/')}`, policy });
      }
    }
  }
  return routes;
}

describe('Every route declares an access policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes of every controller (the enumeration itself works)', () => {
    const routes = registeredRoutes(t).map((r) => r.route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'GET /api/programmes/:code/indicators',
        'GET /api/programmes/:code/reports/:year',
        'GET /api/admin/audit',
      ]),
    );
  });

  it('has no route without a policy, and no route both public and restricted to roles', () => {
    const routes = registeredRoutes(t);
    expect(routes.filter((r) => r.policy === undefined).map((r) => r.route)).toEqual([]);
    expect(routes.filter((r) => r.policy?.public && r.policy.roles.length > 0).map((r) => r.route)).toEqual([]);
  });

  it('keeps public routes to health, sign-in (password and OIDC), the sign-in options and the demo account list', () => {
    const open = registeredRoutes(t)
      .filter((r) => r.policy?.public)
      .map((r) => r.route)
      .sort();
    expect(open).toEqual([
      'GET /api/auth/config',
      'GET /api/auth/demo-accounts',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/login',
      'GET /api/health',
      'POST /api/auth/login',
    ]);
  });

  it('scopes every route that names a programme or an agreement in its path', () => {
    const unscoped = registeredRoutes(t).filter(
      (r) =>
        (r.route.includes('/programmes/:code') && r.policy?.programmeParam !== 'code') ||
        (r.route.includes('/agreements/:code') && r.policy?.agreementParam !== 'code'),
    );
    expect(unscoped.map((r) => r.route)).toEqual([]);
  });
});
