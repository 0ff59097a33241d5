import { BadRequestException, Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../auth/audit.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Policy, PROGRAMME_READERS } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { RateLimit } from '../auth/rate-limit';
import { viewerOf } from '../auth/viewer';
import { CommitteePackService } from './committee-pack.service';
import { ReportQuery } from './reports.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('bilans')
@Controller('agreements/:code/committee-pack')
export class CommitteePackController {
  constructor(
    private readonly pack: CommitteePackService,
    private readonly audit: AuditService,
  ) {}

  @Get(':file')
  @Policy({ roles: PROGRAMME_READERS, agreementParam: 'code' })
  @RateLimit('export')
  @ApiProduces('application/pdf', XLSX)
  @ApiOperation({
    summary:
      "Dossier du comité de suivi d'une convention pour l'année N (p. ex. 2022.pdf ou 2022.xlsx) : dispositifs côte à côte, évolution sur trois ans, financements, conformité, statut des bilans",
  })
  async download(
    @Param('code') code: string,
    @Param('file') file: string,
    @Query() q: ReportQuery,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const match = /^(\d{4})\.(pdf|xlsx)$/.exec(file);
    if (!match) throw new BadRequestException(`Fichier demandé invalide : « ${file.slice(0, 40)} » ; attendu : l'année suivie de .pdf ou .xlsx, par exemple 2022.pdf.`);
    const year = Number(match[1]);
    if (year < 2000 || year > 2100) throw new BadRequestException("l'année doit être comprise entre 2000 et 2100");
    const format = match[2] as 'pdf' | 'xlsx';
    const viewer = viewerOf(user);
    const bytes = format === 'pdf' ? await this.pack.pdf(code, year, q.basis, viewer) : await this.pack.xlsx(code, year, q.basis, viewer);
    await this.audit.record({ action: 'committee_pack_downloaded', principal: user, request, objectType: 'committee_pack', objectId: `${code}/${year}`, details: { format, basis: q.basis } });
    res.set({
      'Content-Type': format === 'pdf' ? 'application/pdf' : XLSX,
      'Content-Disposition': `attachment; filename="comite-de-suivi-${code}-${year}.${format}"`,
      'Content-Length': String(bytes.length),
    });
    return new StreamableFile(bytes);
  }
}
