import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { ALL_ROLES, Policy, PROGRAMME_READERS } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { viewerOf } from '../auth/viewer';
import { ComparisonExportQuery, ComparisonQuery, IndicatorsQuery } from './indicators.dto';
import { buildComparisonWorkbook } from '@sdat/reports';
import type { Response } from 'express';
import { RateLimit } from '../auth/rate-limit';
import { IndicatorsService } from './indicators.service';
import { sendJson } from '../common/json-value';
import { RouteProgramme, type ProgrammeRef } from '../common/programme-ref';

@ApiTags('indicateurs')
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get('indicators')
  @Policy({ roles: ALL_ROLES })
  @ApiOperation({ summary: 'Catalogue des indicateurs : définition, formule, unité, agrégation, version, cible' })
  catalogue() {
    return this.indicators.catalogue();
  }

  @Get('programmes/:code/indicators')
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @ApiOperation({ summary: "Tous les indicateurs d'un dispositif pour une année et une base, avec leur provenance" })
  async forProgrammeYear(@RouteProgramme() programme: ProgrammeRef, @Query() q: IndicatorsQuery, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    return sendJson(res, await this.indicators.forProgrammeYearJson(programme, q.year, q.basis, viewerOf(user)));
  }

  @Get('programmes/:code/indicators/:indicator')
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @ApiOperation({ summary: 'Un indicateur avec sa provenance complète (lignes de compte, effectifs, période, base)' })
  one(@Param('code') code: string, @Param('indicator') indicator: string, @Query() q: IndicatorsQuery, @CurrentUser() user: Principal) {
    return this.indicators.one(code, indicator, q.year, q.basis, viewerOf(user));
  }

  @Get('comparisons.xlsx')
  @Policy({ roles: PROGRAMME_READERS, agreementQuery: 'agreement' })
  @RateLimit('export')
  @ApiOperation({ summary: 'La même comparaison en XLSX (indicateurs choisis, une colonne par année ; petits effectifs masqués)' })
  async comparisonXlsx(@Query() q: ComparisonExportQuery, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const comparison = await this.indicators.comparison(q.agreement, q.years, q.basis, viewerOf(user));
    const bytes = await buildComparisonWorkbook(comparison, { indicators: q.indicators?.split(','), generatedAt: new Date().toISOString() });
    res.set({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="comparaison-${q.agreement}-${q.years.join('-')}.xlsx"`,
    });
    return new StreamableFile(bytes);
  }

  @Get('comparisons')
  @Policy({ roles: PROGRAMME_READERS, agreementQuery: 'agreement' })
  @ApiOperation({ summary: 'Comparaison : dispositifs × années × indicateurs d’une convention (comité de suivi)' })
  async comparison(@Query() q: ComparisonQuery, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    return sendJson(res, await this.indicators.comparisonJson(q.agreement, q.years, q.basis, viewerOf(user)));
  }

  @Get('agreements/:code/checks')
  @Policy({ roles: PROGRAMME_READERS, agreementParam: 'code' })
  @ApiOperation({ summary: "Contrôles de conformité d'une convention prise dans son ensemble (parité du Pacte : Métropole ≥ État)" })
  agreementChecks(@Param('code') code: string) {
    return this.indicators.agreementChecks(code);
  }
}
