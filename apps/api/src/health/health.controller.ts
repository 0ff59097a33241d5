import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { APP_CONFIG } from '../config/config.module';
import { Inject } from '@nestjs/common';
import type { AppConfig } from '../config/env';
import { PublicRoute } from '../auth/policy';

@ApiTags('santé')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @PublicRoute()
  @HealthCheck()
  @ApiOperation({ summary: "État de l'API et de la base de données" })
  @ApiOkResponse({ description: '{ status: "ok", info: { database: { status: "up", mode } } }' })
  async check() {
    return this.health.check([
      async () => {
        const result = await this.db.pingCheck('database', { timeout: 3000 });
        return { database: { ...result['database'], status: result['database']?.status ?? 'down', mode: this.config.databaseMode } };
      },
    ]);
  }
}
