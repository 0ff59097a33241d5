import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ReferenceModule } from '../reference/reference.module';
import { AnnualReportsController } from './annual-reports.controller';
import { CommitteePackController } from './committee-pack.controller';
import { CommitteePackService } from './committee-pack.service';
import { ReportLifecycleService } from './report-lifecycle.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Annual reports (bilans qualitatifs et financiers) as PDF, rendered in a worker thread. */
@Module({ imports: [ReferenceModule, IndicatorsModule], controllers: [ReportsController, AnnualReportsController, CommitteePackController], providers: [ReportsService, ReportLifecycleService, CommitteePackService], exports: [ReportLifecycleService] })
export class ReportsModule {}
