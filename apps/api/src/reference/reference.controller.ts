import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { addYears, format, isValid, parseISO, subDays } from 'date-fns';
import { CurrentUser } from '../auth/current-user.decorator';
import { Policy, PROGRAMME_READERS } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { BudgetQuery, ObligationsQuery } from './reference.dto';
import { ReferenceService } from './reference.service';
import type { Response } from 'express';
import { sendJson } from '../common/json-value';
import { RouteProgramme, type ProgrammeRef } from '../common/programme-ref';

const today = () => format(new Date(), 'yyyy-MM-dd');

/** An item of a list is shown when its agreement is in scope and, if it names a programme, that programme too. */
const inScope = (user: Principal, item: { agreementCode: string; programmeCode: string | null }) =>
  user.agreements.has(item.agreementCode) && (item.programmeCode === null || user.programmes.has(item.programmeCode));

@ApiTags('conventions et dispositifs')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('programmes')
  @Policy({ roles: PROGRAMME_READERS })
  @ApiOperation({ summary: 'Les dispositifs (programmes), avec opérateur, pilotes, financeurs et budgets disponibles' })
  async listProgrammes(@CurrentUser() user: Principal) {
    return (await this.reference.listProgrammes()).filter((p) => user.programmes.has(p.code));
  }

  @Get('programmes/:code')
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @ApiOperation({ summary: 'Un dispositif : public, territoire, capacités, personnel (ETP), indicateurs demandés' })
  async getProgramme(@RouteProgramme() programme: ProgrammeRef, @Res({ passthrough: true }) res: Response) {
    return sendJson(res, await this.reference.programmeView(programme));
  }

  @Get('programmes/:code/budgets')
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @ApiOperation({ summary: 'Budget ligne à ligne, avec sous-totaux et totaux imprimés et calculés' })
  getBudget(@Param('code') code: string, @Query() q: BudgetQuery) {
    return this.reference.getBudget(code, q.year, q.basis);
  }

  @Get('programmes/:code/funding')
  @Policy({ roles: PROGRAMME_READERS, programmeParam: 'code' })
  @ApiOperation({ summary: 'Financements par financeur (parts fléchées, signataire ou non), prévisionnels ou réalisés' })
  getFunding(@Param('code') code: string, @Query() q: BudgetQuery) {
    return this.reference.getFunding(code, q.year, q.basis);
  }

  @Get('agreements')
  @Policy({ roles: PROGRAMME_READERS })
  @ApiOperation({ summary: 'Les conventions : période, renouvellement, signataires' })
  async listAgreements(@CurrentUser() user: Principal) {
    return (await this.reference.listAgreements()).filter((a) => user.agreements.has(a.code));
  }

  @Get('agreements/:code')
  @Policy({ roles: PROGRAMME_READERS, agreementParam: 'code' })
  @ApiOperation({ summary: 'Une convention : articles, dispositifs, actions, cibles, règles d’échéances, écarts relevés' })
  getAgreement(@Param('code') code: string) {
    return this.reference.getAgreement(code);
  }

  @Get('reconciliation')
  @Policy({ roles: PROGRAMME_READERS })
  @ApiOperation({ summary: 'Tous les écarts relevés dans les documents sources (imprimé vs calculé)' })
  async listFindings(@CurrentUser() user: Principal) {
    return (await this.reference.listFindings()).filter((f) => inScope(user, f));
  }

  @Get('obligations')
  @Policy({ roles: PROGRAMME_READERS })
  @ApiOperation({ summary: 'Échéances calculées à partir des règles des conventions, avec leur statut' })
  async obligations(@Query() q: ObligationsQuery, @CurrentUser() user: Principal) {
    const now = today();
    const from = q.from ?? `${now.slice(0, 4)}-01-01`;
    const to = q.to ?? format(subDays(addYears(parseISO(from), 1), 1), 'yyyy-MM-dd');
    if (!isValid(parseISO(from)) || !isValid(parseISO(to))) throw new BadRequestException('Date invalide.');
    if (to < from) throw new BadRequestException('La fin de période (to) précède son début (from).');
    const schedule = await this.reference.obligations(from, to, now, q.extend ? q.extend.split(',') : []);
    return { ...schedule, obligations: schedule.obligations.filter((o) => inScope(user, o)) };
  }
}
