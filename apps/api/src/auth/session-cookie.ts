import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/env';
import { SESSION_COOKIE } from './auth.service';

/** `Secure` flag of the cookies: COOKIE_SECURE, `auto` = when the request came over HTTPS. */
export function cookieSecure(config: AppConfig, request: Request): boolean {
  const setting = config.env.COOKIE_SECURE;
  return setting === 'auto' ? request.secure : setting === 'true';
}

const sessionCookieOptions = (config: AppConfig, request: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: cookieSecure(config, request),
  path: '/',
});

/** Sets the session cookie (httpOnly, SameSite=Strict), whichever way the user signed in. */
export function setSessionCookie(config: AppConfig, request: Request, response: Response, session: { token: string; expiresAt: Date }): void {
  response.cookie(SESSION_COOKIE, session.token, { ...sessionCookieOptions(config, request), expires: session.expiresAt });
}

export function clearSessionCookie(config: AppConfig, request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, sessionCookieOptions(config, request));
}
