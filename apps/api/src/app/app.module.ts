import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '../auth/auth.module';
import { ConfigModule } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { buildDataSourceOptions } from '../database/data-source-options';
import { HealthController } from '../health/health.controller';
import { ImportsModule } from '../imports/imports.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ReferenceModule } from '../reference/reference.module';
import { ReportsModule } from '../reports/reports.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.env.LOG_LEVEL,
            // Never log cookies or authorization headers.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
          },
        }),
        TypeOrmModule.forRoot(buildDataSourceOptions(config.databaseUrl, config.env.DB_POOL_SIZE, { prepare: config.databaseMode === 'server' })),
        TerminusModule,
        AuthModule,
        ReferenceModule,
        IndicatorsModule,
        ReportsModule,
        ImportsModule,
      ],
      controllers: [HealthController],
    };
  }
}
