import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuditService } from './audit.service';
import { AuthService, CSRF_HEADER, SESSION_COOKIE, sameToken } from './auth.service';
import { POLICY_KEY, type RoutePolicy } from './policy';
import type { Principal } from './principal';
import { ScopeService } from './scope.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate of every route (registered globally): reads the route's policy, the session cookie,
 * the CSRF header on writes, the role, and the programme or agreement the route names. A route with
 * no policy is refused (fail closed). Refusals are written to the audit log.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Accès');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      this.logger.error(`Route sans politique d'accès : ${request.method} ${request.path}`);
      throw new ForbiddenException("Cette route n'a pas de politique d'accès : elle est refusée.");
    }
    if (policy.public) return true;

    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const programmeCode = policy.programmeParam ? String(request.params[policy.programmeParam] ?? '') : null;
    const session = typeof token === 'string' && token.length > 0 ? await this.auth.resolveSession(token, programmeCode) : null;
    if (!session) throw new UnauthorizedException('Connexion requise.');
    const { principal } = session;
    request.principal = principal;

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.get(CSRF_HEADER);
      if (!header || !sameToken(header, principal.csrfToken)) {
        return this.deny(principal, request, 'csrf', 'Jeton anti-CSRF absent ou invalide : rechargez la page.');
      }
    }
    if (!policy.roles.includes(principal.role)) {
      return this.deny(principal, request, 'role', "Votre rôle ne donne pas accès à cette ressource.");
    }
    if (policy.byParam) {
      const value = String(request.params[policy.byParam.param] ?? '');
      const narrower = Object.prototype.hasOwnProperty.call(policy.byParam.roles, value) ? policy.byParam.roles[value] : undefined;
      if (narrower && !narrower.includes(principal.role)) return this.deny(principal, request, 'role', policy.byParam.message, value);
    }
    if (programmeCode !== null) {
      if (!session.programme) throw new NotFoundException(`Dispositif introuvable : « ${programmeCode.slice(0, 100)} ».`);
      if (!principal.programmes.has(programmeCode)) {
        return this.deny(principal, request, 'programme_scope', "Ce dispositif n'est pas dans le périmètre de votre organisation.", programmeCode);
      }
      request.programmeRef = session.programme;
    }
    const agreementCode = policy.agreementParam
      ? String(request.params[policy.agreementParam] ?? '')
      : policy.agreementQuery
        ? String((request.query as Record<string, unknown>)[policy.agreementQuery] ?? '')
        : null;
    if (agreementCode !== null && !principal.agreements.has(agreementCode)) {
      if (!(await this.scopes.agreementExists(agreementCode))) throw new NotFoundException(`Convention introuvable : « ${agreementCode.slice(0, 100)} ».`);
      return this.deny(principal, request, 'agreement_scope', "Cette convention n'est pas dans le périmètre de votre organisation.", agreementCode);
    }
    return true;
  }

  private async deny(principal: Principal, request: Request, reason: string, message: string, objectId?: string): Promise<never> {
    await this.audit.recordQuietly({ action: 'authorization_denied', principal, request, objectId: objectId ?? null, details: { reason } });
    throw new ForbiddenException(message);
  }
}
