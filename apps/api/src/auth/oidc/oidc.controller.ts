import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { PublicRoute } from '../policy';
import { RateLimit } from '../rate-limit';
import { cookieSecure, setSessionCookie } from '../session-cookie';
import { OIDC_COOKIE_PATH, OIDC_TRANSACTION_COOKIE, OIDC_TRANSACTION_TTL_MS, OidcLoginError, OidcService, safeReturnPath } from './oidc.service';

/** The dashboard's sign-in page, where a refused OIDC sign-in lands with `?erreur=<code>`. */
export const LOGIN_PAGE = '/connexion';

/**
 * OpenID Connect sign-in routes (public, rate-limited like the password sign-in). Both answer 404
 * when OIDC_ISSUER is unset. They are browser navigations: they answer with redirects, never JSON.
 */
@ApiTags('authentification')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private requireEnabled(): void {
    if (!this.oidc.enabled) throw new NotFoundException("La connexion par fournisseur d'identité (OIDC) n'est pas activée.");
  }

  /**
   * The transaction cookie: SameSite=Lax, not Strict, because the provider's redirect back is a
   * cross-site navigation, on which a Strict cookie would not be sent. httpOnly, signed, short-lived,
   * sent only to /api/auth/oidc.
   */
  private transactionCookie(request: Request): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: cookieSecure(this.config, request), path: OIDC_COOKIE_PATH };
  }

  @Get('login')
  @PublicRoute()
  @RateLimit('login')
  @ApiOperation({
    summary: "Connexion par le fournisseur d'identité (OIDC) : redirige vers sa page d'authentification ; `?retour=/chemin` pour revenir à une page",
  })
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireEnabled();
    try {
      const { authorizationUrl, transaction } = await this.oidc.start(safeReturnPath(request.query['retour']));
      response.cookie(OIDC_TRANSACTION_COOKIE, transaction, { ...this.transactionCookie(request), maxAge: OIDC_TRANSACTION_TTL_MS });
      response.redirect(302, authorizationUrl);
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      response.redirect(302, `${LOGIN_PAGE}?erreur=${error.code}`);
    }
  }

  @Get('callback')
  @PublicRoute()
  @RateLimit('login')
  @ApiOperation({
    summary: "Retour du fournisseur d'identité (OIDC) : vérifie la réponse, ouvre la session (même cookie que la connexion par mot de passe) et redirige vers le tableau de bord",
  })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireEnabled();
    const cookie: unknown = request.cookies?.[OIDC_TRANSACTION_COOKIE];
    // Single use, whatever happens next.
    response.clearCookie(OIDC_TRANSACTION_COOKIE, this.transactionCookie(request));
    try {
      const session = await this.oidc.finish(request.query as Record<string, unknown>, cookie, request);
      setSessionCookie(this.config, request, response, session);
      // The login page sends a signed-in user on to the home page of their role.
      response.redirect(302, session.returnTo ?? LOGIN_PAGE);
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      response.redirect(302, `${LOGIN_PAGE}?erreur=${error.code}`);
    }
  }
}
