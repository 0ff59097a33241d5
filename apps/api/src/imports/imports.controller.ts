import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  Logger,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DEFAULT_LIMITS, isDatasetKey, type DatasetKey } from '@sdat/imports';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Policy, PROGRAMME_READERS } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { RateLimit } from '../auth/rate-limit';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../common/http-errors';
import { ImportJobs } from './import-progress';
import { BudgetLineEdit, EpisodeEdit, StaffLineEdit } from './edits';
import { EditsService } from './edits.service';
import { ImportsService } from './imports.service';
import { RowsService } from './rows.service';

export class YearQuery {
  @ApiProperty({ example: 2023 })
  @Type(() => Number)
  @IsInt({ message: "l'année (year) doit être un entier" })
  @Min(2000, { message: "l'année doit être comprise entre 2000 et 2100" })
  @Max(2100, { message: "l'année doit être comprise entre 2000 et 2100" })
  year!: number;
}

/** A page of the rows of a programme-year (the list routes of the one-row corrections). */
export class RowsQuery extends YearQuery {
  @ApiPropertyOptional({ description: 'Rang de la première ligne (0 par défaut)', example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: "le rang de départ (offset) doit être un entier" })
  @Min(0, { message: 'le rang de départ (offset) ne peut être négatif' })
  offset?: number;

  @ApiPropertyOptional({ description: 'Lignes par page (50 par défaut, 200 au plus)', example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'le nombre de lignes (limit) doit être un entier' })
  @Min(1, { message: 'le nombre de lignes (limit) doit être compris entre 1 et 200' })
  @Max(200, { message: 'le nombre de lignes (limit) doit être compris entre 1 et 200' })
  limit?: number;
}

const page = (q: RowsQuery) => ({ year: q.year, offset: q.offset ?? 0, limit: q.limit ?? 50 });

export class ImportQuery extends YearQuery {
  @ApiPropertyOptional({ description: "true : répondre tout de suite (202) avec l'identifiant d'un suivi de progression" })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '« async » doit valoir true ou false' })
  async?: 'true' | 'false';
}

function dataset(raw: string): DatasetKey {
  if (!isDatasetKey(raw)) throw new NotFoundException(`Jeu de données inconnu : « ${raw.slice(0, 40)} » ; attendus : budget, funding, staff, episodes, monthly_activity.`);
  return raw;
}

/** What multer (in memory: no `dest` given) hands over. */
interface UploadedFileBytes {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@Controller()
export class ImportsController {
  private readonly jobs = new ImportJobs();
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly imports: ImportsService,
    private readonly edits: EditsService,
    private readonly rows: RowsService,
  ) {}

  @Get('programmes/:code/budget-lines')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: "Lignes du budget réalisé de l'année, avec leur identifiant et leur version (pour les corriger une à une), par pages" })
  budgetLines(@Param('code') code: string, @Query() q: RowsQuery) {
    return this.rows.budgetLines(code, page(q));
  }

  @Get('programmes/:code/staff-lines')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: "Lignes de personnel réalisé de l'année (ETP par poste), avec leur identifiant et leur version, par pages" })
  staffLines(@Param('code') code: string, @Query() q: RowsQuery) {
    return this.rows.staffLines(code, page(q));
  }

  @Get('programmes/:code/episodes')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: "Accompagnements actifs pendant l'année (clé pseudonyme abrégée), avec leur identifiant et leur version, par pages ; et les relais possibles" })
  episodes(@Param('code') code: string, @Query() q: RowsQuery) {
    return this.rows.episodes(code, page(q));
  }

  @Patch('programmes/:code/budget-lines/:id')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: 'Corriger une ligne de budget (montant, libellé) ; 409 si elle a changé entre-temps ou si l’année est verrouillée' })
  editBudgetLine(@Param('code') code: string, @Param('id') id: string, @Body() body: BudgetLineEdit, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.edits.budgetLine(code, id, body, user, request);
  }

  @Patch('programmes/:code/staff-lines/:id')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: 'Corriger une ligne de personnel (ETP, intitulé) ; verrouillage optimiste' })
  editStaffLine(@Param('code') code: string, @Param('id') id: string, @Body() body: StaffLineEdit, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.edits.staffLine(code, id, body, user, request);
  }

  @Patch('programmes/:code/episodes/:id')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiOperation({ summary: 'Corriger un accompagnement (date de sortie, relais, glissement de bail) ; verrouillage optimiste' })
  editEpisode(@Param('code') code: string, @Param('id') id: string, @Body() body: EpisodeEdit, @CurrentUser() user: Principal, @Req() request: Request) {
    return this.edits.episode(code, id, body, user, request);
  }

  @Get('imports/datasets')
  @Policy({ roles: PROGRAMME_READERS })
  @ApiOperation({ summary: 'Les jeux de données importables et leurs colonnes' })
  datasets() {
    return this.imports.datasets();
  }

  @Get('programmes/:code/imports/:dataset/template')
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'Modèle XLSX à remplir (en-têtes français, mode d’emploi, listes déroulantes, exemples)' })
  async template(@Param('code') code: string, @Param('dataset') raw: string, @Query() q: YearQuery, @Res({ passthrough: true }) res: Response) {
    const key = dataset(raw);
    const bytes = await this.imports.template(key, code, q.year);
    res.set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="modele-${key}-${code}-${q.year}.xlsx"` });
    return new StreamableFile(bytes);
  }

  @Post('programmes/:code/imports/:dataset')
  @HttpCode(200)
  @Policy({ roles: ['operator'], programmeParam: 'code' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: DEFAULT_LIMITS.maxFileBytes, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary:
      "Importer un fichier XLSX ou CSV pour l'année : toutes les lignes sont contrôlées avant toute écriture (422 avec la liste des erreurs), écriture en une transaction, réimport identique sans effet, nouvelle version sinon",
  })
  async upload(
    @Param('code') code: string,
    @Param('dataset') raw: string,
    @Query() q: ImportQuery,
    @UploadedFile() file: UploadedFileBytes | undefined,
    @CurrentUser() user: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const key = dataset(raw);
    if (!file) throw new BadRequestException('Aucun fichier reçu : envoyez le fichier dans le champ « file » (multipart/form-data).');
    if (q.async !== 'true') return this.imports.import(key, code, q.year, file, user, request);
    const progress = this.jobs.create(user.userId);
    this.imports.import(key, code, q.year, file, user, request, progress).then(
      (outcome) => progress.update({ phase: 'done', result: outcome }),
      (error: unknown) => progress.update({ phase: 'failed', result: this.failureOf(error) }),
    );
    res.status(202);
    return progress.view;
  }

  /**
   * What a failed asynchronous import reports: the body of an HTTP error (row errors, 409, 413…), the
   * French 503 when the database is unreachable, else a generic message — logged with its stack, as
   * the error filter does for a synchronous request.
   */
  private failureOf(error: unknown): unknown {
    if (error instanceof HttpException) return error.getResponse();
    if (isDatabaseUnavailable(error)) return { statusCode: 503, message: DATABASE_UNAVAILABLE };
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { statusCode: 500, message: 'Une erreur inattendue est survenue. Elle a été enregistrée.' };
  }

  @Get('import-jobs/:id')
  @Policy({ roles: ['operator'] })
  @ApiOperation({ summary: "Progression d'un import lancé avec async=true (lignes contrôlées, lignes écrites, résultat)" })
  job(@Param('id') id: string, @CurrentUser() user: Principal) {
    const view = this.jobs.get(id, user.userId);
    if (!view) throw new NotFoundException(`Import inconnu : ${id.slice(0, 40)}`);
    return view;
  }

  @Get('programmes/:code/imports')
  @Policy({ roles: ['operator', 'pilot'], programmeParam: 'code' })
  @ApiOperation({ summary: "Historique des imports de l'année (versions, fichier, auteur, empreinte)" })
  history(@Param('code') code: string, @Query() q: YearQuery) {
    return this.imports.history(code, q.year);
  }

  @Get('programmes/:code/exports/:dataset')
  @Policy({
    roles: ['operator', 'pilot'],
    programmeParam: 'code',
    // Episode-level rows and monthly counts of people are the operator's only (they are not passed
    // through the small-count rule): pilots export the budget, the funding and the staff.
    byParam: {
      param: 'dataset',
      roles: { episodes: ['operator'], monthly_activity: ['operator'] },
      message: "Les accompagnements et l'activité mensuelle (effectifs de personnes) ne sont exportables que par l'opérateur.",
    },
  })
  @RateLimit('export')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: "Exporter un jeu de données de l'année au format du modèle (réimportable tel quel) ; accompagnements et activité mensuelle : opérateur seulement" })
  async export(@Param('code') code: string, @Param('dataset') raw: string, @Query() q: YearQuery, @Res({ passthrough: true }) res: Response) {
    const key = dataset(raw);
    const { bytes } = await this.imports.export(key, code, q.year);
    res.set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${key}-${code}-${q.year}.xlsx"` });
    return new StreamableFile(bytes);
  }
}
