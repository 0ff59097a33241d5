import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Env } from '../config/env';

export const RATE_LIMIT_KEY = 'sdat:rate-limit';
export type RateLimitBucket = 'login' | 'export';

/** Puts a route under a per-client rate limit (sign-in; exports and PDFs). Other routes are not limited. */
export const RateLimit = (bucket: RateLimitBucket) => SetMetadata(RATE_LIMIT_KEY, bucket);

const bucketOf = (context: ExecutionContext): RateLimitBucket | undefined => Reflect.getMetadata(RATE_LIMIT_KEY, context.getHandler());

/** @nestjs/throttler configuration: one named throttler per bucket, each skipped outside its routes. */
export function throttlerOptions(env: Env): ThrottlerModuleOptions {
  return {
    errorMessage: 'Trop de requêtes : réessayez dans une minute.',
    throttlers: [
      { name: 'login', ttl: 60_000, limit: env.LOGIN_RATE_PER_MINUTE, skipIf: (context) => bucketOf(context) !== 'login' },
      { name: 'export', ttl: 60_000, limit: env.EXPORT_RATE_PER_MINUTE, skipIf: (context) => bucketOf(context) !== 'export' },
    ],
  };
}
