import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { AdminController } from './admin.controller';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { throttlerOptions } from './rate-limit';
import { ScopeService } from './scope.service';
import { UsersService } from './users.service';

/**
 * Accounts, sessions, the access policy of every route (AuthGuard, global), rate limits and the
 * audit log. Global so every module can inject AuditService.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => throttlerOptions(config.env) }),
  ],
  controllers: [AuthController, OidcController, AdminController],
  providers: [
    AuditService,
    AuthService,
    OidcService,
    ScopeService,
    UsersService,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuditService, ScopeService],
})
export class AuthModule {}
