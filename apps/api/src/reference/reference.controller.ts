import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { addYears, format, isValid, parseISO, subDays } from 'date-fns';
import { BudgetQuery, ObligationsQuery } from './reference.dto';
import { ReferenceService } from './reference.service';

const today = () => format(new Date(), 'yyyy-MM-dd');

@ApiTags('conventions et dispositifs')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('programmes')
  @ApiOperation({ summary: 'Les dispositifs (programmes), avec opérateur, pilotes, financeurs et budgets disponibles' })
  listProgrammes() {
    return this.reference.listProgrammes();
  }

  @Get('programmes/:code')
  @ApiOperation({ summary: 'Un dispositif : public, territoire, capacités, personnel (ETP), indicateurs demandés' })
  getProgramme(@Param('code') code: string) {
    return this.reference.getProgramme(code);
  }

  @Get('programmes/:code/budgets')
  @ApiOperation({ summary: 'Budget ligne à ligne, avec sous-totaux et totaux imprimés et calculés' })
  getBudget(@Param('code') code: string, @Query() q: BudgetQuery) {
    return this.reference.getBudget(code, q.year, q.basis);
  }

  @Get('programmes/:code/funding')
  @ApiOperation({ summary: 'Financements par financeur (parts fléchées, signataire ou non), prévisionnels ou réalisés' })
  getFunding(@Param('code') code: string, @Query() q: BudgetQuery) {
    return this.reference.getFunding(code, q.year, q.basis);
  }

  @Get('agreements')
  @ApiOperation({ summary: 'Les conventions : période, renouvellement, signataires' })
  listAgreements() {
    return this.reference.listAgreements();
  }

  @Get('agreements/:code')
  @ApiOperation({ summary: 'Une convention : articles, dispositifs, actions, cibles, règles d’échéances, écarts relevés' })
  getAgreement(@Param('code') code: string) {
    return this.reference.getAgreement(code);
  }

  @Get('reconciliation')
  @ApiOperation({ summary: 'Tous les écarts relevés dans les documents sources (imprimé vs calculé)' })
  listFindings() {
    return this.reference.listFindings();
  }

  @Get('obligations')
  @ApiOperation({ summary: 'Échéances calculées à partir des règles des conventions, avec leur statut' })
  obligations(@Query() q: ObligationsQuery) {
    const now = today();
    const from = q.from ?? `${now.slice(0, 4)}-01-01`;
    const to = q.to ?? format(subDays(addYears(parseISO(from), 1), 1), 'yyyy-MM-dd');
    if (!isValid(parseISO(from)) || !isValid(parseISO(to))) throw new BadRequestException('Date invalide.');
    if (to < from) throw new BadRequestException('La fin de période (to) précède son début (from).');
    return this.reference.obligations(from, to, now, q.extend ? q.extend.split(',') : []);
  }
}
