import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthConfigView, DemoAccountView, SessionUser } from '@sdat/api-types';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { OidcService } from './oidc/oidc.service';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { ALL_ROLES, Policy, PublicRoute } from './policy';
import { seesSmallCounts, type Principal } from './principal';
import { RateLimit } from './rate-limit';
import { ROLE_LABELS } from './roles';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('authentification')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  @RateLimit('login')
  @ApiOperation({ summary: 'Connexion par identifiant et mot de passe : pose le cookie de session (httpOnly, SameSite=Strict)' })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<{ ok: true }> {
    setSessionCookie(this.config, request, response, await this.auth.login(body.email, body.password, request));
    return { ok: true };
  }

  @Post('logout')
  @HttpCode(200)
  @Policy({ roles: ALL_ROLES })
  @ApiOperation({ summary: 'Déconnexion : la session est révoquée côté serveur' })
  async logout(@CurrentUser() user: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<{ ok: true }> {
    await this.auth.logout(user, request);
    clearSessionCookie(this.config, request, response);
    return { ok: true };
  }

  @Get('me')
  @Policy({ roles: ALL_ROLES })
  @ApiOperation({ summary: "L'utilisateur connecté, son rôle, son périmètre et le jeton anti-CSRF" })
  me(@CurrentUser() user: Principal): SessionUser {
    return {
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      roleLabel: ROLE_LABELS[user.role],
      organisation: { code: user.organisation.code, name: user.organisation.name },
      programmes: [...user.programmes].sort(),
      agreements: [...user.agreements].sort(),
      smallCountsMasked: !seesSmallCounts(user),
      csrfToken: user.csrfToken,
      demoMode: this.config.demoData,
    };
  }

  @Get('config')
  @PublicRoute()
  @ApiOperation({ summary: "Modes de connexion proposés : fournisseur d'identité (OIDC) activé ou non, et le texte de son bouton" })
  authConfig(): AuthConfigView {
    const settings = this.oidc.settings;
    return { oidc: { enabled: settings !== null, label: settings?.label ?? null } };
  }

  @Get('demo-accounts')
  @PublicRoute()
  @ApiOperation({ summary: 'Comptes de démonstration (un par rôle) ; 404 hors mode démonstration' })
  async demoAccounts(): Promise<DemoAccountView[]> {
    if (!this.config.demoData) throw new NotFoundException("Pas de comptes de démonstration : l'application n'est pas en mode démonstration.");
    const names = await this.auth.organisationNames(DEMO_ACCOUNTS.map((a) => a.organisationCode));
    return DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      password: a.password,
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      organisation: a.organisationCode,
      organisationName: names.get(a.organisationCode) ?? a.organisationCode,
      description: a.description,
    }));
  }
}
