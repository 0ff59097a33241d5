import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../auth/audit.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Policy, PROGRAMME_READERS } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { RateLimit } from '../auth/rate-limit';
import { viewerOf } from '../auth/viewer';
import { parseReportYear, ReportQuery } from './reports.dto';
import { ReportLifecycleService } from './report-lifecycle.service';
import { ReportsService } from './reports.service';

const PROGRAMME_CODE = /^[a-z0-9-]{1,100}$/;

@ApiTags('bilans')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly lifecycle: ReportLifecycleService,
    private readonly audit: AuditService,
  ) {}

  @Get('programmes/:code/reports/:year')
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @RateLimit('export')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "Bilan qualitatif et financier d'un dispositif pour une année, en PDF (projet, version 1) — p. ex. /programmes/emas/reports/2022.pdf",
  })
  async annualReport(
    @Param('code') code: string,
    @Param('year') file: string,
    @Query() q: ReportQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user: Principal,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const parsed = parseReportYear(file);
    if ('error' in parsed) throw new BadRequestException(parsed.error);
    if (!PROGRAMME_CODE.test(code)) throw new NotFoundException(`Dispositif introuvable : « ${code.slice(0, 100)} ».`);
    // A validated report is the frozen document, byte for byte; a draft is rendered from the current data.
    const frozen = await this.lifecycle.frozenPdf(code, parsed.year);
    const pdf = frozen ? frozen.pdf : (await this.reports.annualReportPdf(code, parsed.year, q.basis, viewerOf(user))).pdf;
    await this.audit.record({
      action: 'report_downloaded',
      principal: user,
      request,
      objectType: 'annual_report',
      objectId: `${code}/${parsed.year}`,
      details: frozen ? { version: frozen.number, sha256: frozen.sha256 } : { basis: q.basis, draft: true, bytes: pdf.length },
    });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="bilan-${code}-${parsed.year}${frozen ? `-v${frozen.number}` : ''}.pdf"`,
      'Cache-Control': 'no-store',
      'Content-Length': String(pdf.length),
    });
    if (frozen) res.set('X-Content-SHA256', frozen.sha256);
    return new StreamableFile(pdf);
  }
}
