import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AnnualReportView } from '@sdat/api-types';
import type { Request, Response } from 'express';
import { AuditService } from '../auth/audit.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Policy, PROGRAMME_READERS } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { RateLimit } from '../auth/rate-limit';
import { CommentedTransitionDto, SaveNarrativeDto, TransitionDto } from './report-lifecycle.dto';
import { ReportLifecycleService } from './report-lifecycle.service';

function parseYear(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new BadRequestException(`Année invalide : « ${raw.slice(0, 20)} » ; attendu : quatre chiffres, par exemple 2022.`);
  const year = Number(raw);
  if (year < 2000 || year > 2100) throw new BadRequestException("l'année doit être comprise entre 2000 et 2100");
  return year;
}

/** The annual report's lifecycle: narrative (operator), submission, validation and reopening (pilot), frozen versions. */
@ApiTags('bilans')
@Controller('programmes/:code/annual-reports/:year')
export class AnnualReportsController {
  constructor(
    private readonly lifecycle: ReportLifecycleService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @ApiOperation({ summary: "État du bilan d'une année : statut, récit, versions validées, verrouillage des données" })
  view(@Param('code') code: string, @Param('year') year: string): Promise<AnnualReportView> {
    return this.lifecycle.view(code, parseYear(year));
  }

  @Put('narrative')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: 'Enregistrer le bilan qualitatif (opérateur, bilan au statut projet)' })
  saveNarrative(@Param('code') code: string, @Param('year') year: string, @Body() body: SaveNarrativeDto, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.lifecycle.saveNarrative(code, parseYear(year), body, user, request);
  }

  @Post('submit')
  @HttpCode(200)
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: 'Transmettre le bilan au pilote (projet → transmis)' })
  submit(@Param('code') code: string, @Param('year') year: string, @Body() body: TransitionDto, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.lifecycle.submit(code, parseYear(year), body, user, request);
  }

  @Post('return')
  @HttpCode(200)
  @Policy({ roles: ['pilot'], programmeParam: 'code' })
  @ApiOperation({ summary: "Renvoyer le bilan à l'opérateur avec un commentaire (transmis → projet)" })
  returnToOperator(@Param('code') code: string, @Param('year') year: string, @Body() body: CommentedTransitionDto, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.lifecycle.returnToOperator(code, parseYear(year), body, user, request);
  }

  @Post('validate')
  @HttpCode(200)
  @Policy({ roles: ['pilot'], programmeParam: 'code' })
  @ApiOperation({ summary: 'Valider le bilan (transmis → validé) : PDF figé (SHA-256), données de l’année verrouillées' })
  validate(@Param('code') code: string, @Param('year') year: string, @Body() body: TransitionDto, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.lifecycle.validate(code, parseYear(year), body, user, request);
  }

  @Post('reopen')
  @HttpCode(200)
  @Policy({ roles: ['pilot'], programmeParam: 'code' })
  @ApiOperation({ summary: 'Rouvrir un bilan validé avec un motif (validé → projet) ; la prochaine validation produit la version suivante' })
  reopen(@Param('code') code: string, @Param('year') year: string, @Body() body: CommentedTransitionDto, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.lifecycle.reopen(code, parseYear(year), body, user, request);
  }

  @Get('versions/:file')
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @RateLimit('export')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Une version validée du bilan, octet pour octet (p. ex. versions/1.pdf)' })
  async version(
    @Param('code') code: string,
    @Param('year') yearParam: string,
    @Param('file') file: string,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const year = parseYear(yearParam);
    const match = /^(\d{1,4})\.pdf$/.exec(file);
    if (!match) throw new BadRequestException(`Fichier demandé invalide : « ${file.slice(0, 40)} » ; attendu : le numéro de version suivi de .pdf, par exemple 1.pdf.`);
    const frozen = await this.lifecycle.frozenPdf(code, year, Number(match[1]));
    if (!frozen) throw new NotFoundException(`Pas de version ${match[1]} validée du bilan ${year}.`);
    await this.audit.record({
      action: 'report_downloaded',
      principal: user,
      request,
      objectType: 'annual_report',
      objectId: `${code}/${year}`,
      details: { version: frozen.number, sha256: frozen.sha256 },
    });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="bilan-${code}-${year}-v${frozen.number}.pdf"`,
      'Content-Length': String(frozen.pdf.length),
      'X-Content-SHA256': frozen.sha256,
    });
    return new StreamableFile(frozen.pdf);
  }
}
