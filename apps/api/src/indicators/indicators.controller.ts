import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComparisonQuery, IndicatorsQuery } from './indicators.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicateurs')
@Controller()
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get('indicators')
  @ApiOperation({ summary: 'Catalogue des indicateurs : définition, formule, unité, agrégation, version, cible' })
  catalogue() {
    return this.indicators.catalogue();
  }

  @Get('programmes/:code/indicators')
  @ApiOperation({ summary: "Tous les indicateurs d'un dispositif pour une année et une base, avec leur provenance" })
  forProgrammeYear(@Param('code') code: string, @Query() q: IndicatorsQuery) {
    return this.indicators.forProgrammeYear(code, q.year, q.basis);
  }

  @Get('programmes/:code/indicators/:indicator')
  @ApiOperation({ summary: 'Un indicateur avec sa provenance complète (lignes de compte, effectifs, période, base)' })
  one(@Param('code') code: string, @Param('indicator') indicator: string, @Query() q: IndicatorsQuery) {
    return this.indicators.one(code, indicator, q.year, q.basis);
  }

  @Get('comparisons')
  @ApiOperation({ summary: 'Comparaison : dispositifs × années × indicateurs d’une convention (comité de suivi)' })
  comparison(@Query() q: ComparisonQuery) {
    return this.indicators.comparison(q.agreement, q.years, q.basis);
  }

  @Get('agreements/:code/checks')
  @ApiOperation({ summary: "Contrôles de conformité d'une convention prise dans son ensemble (parité du Pacte : Métropole ≥ État)" })
  agreementChecks(@Param('code') code: string) {
    return this.indicators.agreementChecks(code);
  }
}
