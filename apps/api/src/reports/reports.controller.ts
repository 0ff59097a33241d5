import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseReportYear, ReportQuery } from './reports.dto';
import { ReportsService } from './reports.service';

const PROGRAMME_CODE = /^[a-z0-9-]{1,100}$/;

@ApiTags('bilans')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('programmes/:code/reports/:year')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "Bilan qualitatif et financier d'un dispositif pour une année, en PDF (projet, version 1) — p. ex. /programmes/emas/reports/2022.pdf",
  })
  async annualReport(
    @Param('code') code: string,
    @Param('year') file: string,
    @Query() q: ReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const parsed = parseReportYear(file);
    if ('error' in parsed) throw new BadRequestException(parsed.error);
    if (!PROGRAMME_CODE.test(code)) throw new NotFoundException(`Dispositif introuvable : « ${code.slice(0, 100)} ».`);
    const { pdf } = await this.reports.annualReportPdf(code, parsed.year, q.basis);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="bilan-${code}-${parsed.year}.pdf"`,
      'Cache-Control': 'no-store',
      'Content-Length': String(pdf.length),
    });
    return new StreamableFile(pdf);
  }
}
