import { HttpException, Inject, Injectable, Logger, NotFoundException, OnModuleDestroy, PayloadTooLargeException, BadRequestException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  buildTemplate,
  contentHash,
  DATASET_KEYS,
  datasetSpec,
  exportDataset,
  isImportRejectedError,
  type DatasetKey,
  type ImportError,
} from '@sdat/imports';
import type { ImportDatasetView, ImportOutcome, ImportVersionView } from '@sdat/api-types';
import type { Request } from 'express';

export type { ImportOutcome, ImportVersionView };
import type { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Principal } from '../auth/principal';
import { APP_CONFIG } from '../config/config.module';
import { pseudonymSecret, type AppConfig } from '../config/env';
import { assertYearUnlocked } from '../reports/report-locks';
import { DATASET_STORE } from './dataset-store';
import type { EpisodeBatchFormat } from './episode-table';
import { ImportPreparer, type PreparedFile } from './import-preparer';
import { ImportProgress, PhaseTimer } from './import-progress';



/** 422 with every problem of the file (sheet, row, column, value, French message); nothing written. */
export class ImportValidationException extends HttpException {
  constructor(errors: ImportError[], errorCount: number) {
    super(
      {
        statusCode: 422,
        error: 'Données invalides',
        message: `Le fichier contient ${errorCount} erreur${errorCount > 1 ? 's' : ''} : rien n'a été importé.`,
        errors,
        errorCount,
      },
      422,
    );
  }
}

/**
 * Operators load a year: templates, validated imports (every row checked before anything is
 * written; one transaction; idempotent by content hash; a new version replaces the dataset and the
 * previous one stays in history), and exports in the template's layout.
 */
@Injectable()
export class ImportsService implements OnModuleDestroy {
  private readonly secret: string;
  /** How the episodes reach the database: COPY on a server, unnest arrays on the embedded PGlite. */
  private readonly episodeFormat: EpisodeBatchFormat;
  private readonly logger = new Logger('Imports');
  private readonly preparer = new ImportPreparer({ log: (level, message) => this.logger[level](message) });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.secret = pseudonymSecret(config);
    this.episodeFormat = config.databaseMode === 'server' ? 'copy' : 'arrays';
  }

  async onModuleDestroy(): Promise<void> {
    await this.preparer.close();
  }

  private async programme(code: string): Promise<{ id: number; start: string | null; end: string | null }> {
    const [row] = await this.ds.query(
      `SELECT p.id, a.start_date::text AS start, a.end_date::text AS end FROM programme p JOIN agreement a ON a.id = p.agreement_id WHERE p.code = $1`,
      [code],
    );
    if (!row) throw new NotFoundException(`Dispositif introuvable : « ${code} ».`);
    return row;
  }

  datasets(): ImportDatasetView[] {
    return DATASET_KEYS.map((key) => {
      const spec = datasetSpec(key);
      return {
        key,
        title: spec.title,
        description: spec.description,
        naturalKey: spec.naturalKey,
        columns: spec.columns.map((c) => ({ key: c.key, header: c.header, required: c.required, help: c.help })),
      };
    });
  }

  template(dataset: DatasetKey, programmeCode: string, year: number): Promise<Buffer> {
    return buildTemplate(dataset, { programmeCode, year });
  }

  async import(
    dataset: DatasetKey,
    programmeCode: string,
    year: number,
    file: { originalname: string; buffer: Buffer },
    principal: Principal,
    request: Request,
    progress?: ImportProgress,
  ): Promise<ImportOutcome> {
    const timer = new PhaseTimer();
    const programme = await this.programme(programmeCode);
    await assertYearUnlocked(this.ds, programme.id, year);
    timer.mark('prepare');
    progress?.update({ phase: 'validation' });
    let preparedFile: PreparedFile;
    try {
      // Read, validate, pseudonymise and hash in the import worker thread: the event loop stays free.
      preparedFile = await this.preparer.prepare({
        dataset,
        fileName: file.originalname,
        bytes: file.buffer,
        year,
        agreementPeriod: programme.start && programme.end ? { start: programme.start, end: programme.end } : null,
        programmeCode,
        pseudonymSecret: this.secret,
        episodeFormat: this.episodeFormat,
      });
    } catch (error) {
      if (isImportRejectedError(error)) {
        await this.audit.recordQuietly({ action: 'import_rejected', principal, request, objectType: 'import', objectId: `${programmeCode}/${year}/${dataset}`, details: { file: file.originalname, reason: error.message } });
        throw error.status === 413 ? new PayloadTooLargeException(error.message) : new BadRequestException(error.message);
      }
      throw error;
    }
    const { prepared: parsed, archive } = preparedFile;
    timer.mark('parse');
    progress?.update({ rowsValidated: parsed.rowCount + parsed.errorCount });
    if (parsed.errors.length > 0) {
      await this.audit.recordQuietly({
        action: 'import_rejected',
        principal,
        request,
        objectType: 'import',
        objectId: `${programmeCode}/${year}/${dataset}`,
        details: { file: file.originalname, errorCount: parsed.errorCount },
      });
      throw new ImportValidationException(parsed.errors, parsed.errorCount);
    }
    progress?.update({ phase: 'writing' });
    const outcome = await this.ds.transaction(async (manager) => {
      // Serialise imports of the same programme-year-dataset, then re-check the lock inside the transaction.
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [programme.id, year * 10 + DATASET_KEYS.indexOf(dataset)]);
      await assertYearUnlocked(manager, programme.id, year);
      timer.mark('lock');
      const [current] = await manager.query(
        `SELECT number, content_hash FROM import_version WHERE programme_id = $1 AND year = $2 AND dataset = $3 AND current`,
        [programme.id, year, dataset],
      );
      const base = { dataset, programmeCode, year, rows: parsed.rowCount, contentHash: parsed.contentHash, format: parsed.format } as const;
      if (current && current.content_hash === parsed.contentHash) {
        await this.audit.record(
          { action: 'import_unchanged', principal, request, objectType: 'import', objectId: `${programmeCode}/${year}/${dataset}`, details: { file: file.originalname, version: current.number } },
          manager,
        );
        return { ...base, status: 'unchanged' as const, version: current.number as number };
      }
      await (DATASET_STORE[dataset].write as (em: typeof manager, at: { programmeId: number; year: number }, input: unknown, timer?: PhaseTimer) => Promise<void>)(
        manager,
        { programmeId: programme.id, year },
        parsed.episodes ?? parsed.rows,
        timer,
      );
      timer.mark('write');
      await manager.query(`UPDATE import_version SET current = false WHERE programme_id = $1 AND year = $2 AND dataset = $3 AND current`, [programme.id, year, dataset]);
      const number = (current?.number ?? 0) + 1;
      // The version's rows, compressed by the worker while the rows above were written.
      const rowsGzip = archive ? Buffer.from(await archive) : null;
      timer.mark('archive');
      await manager.query(
        `INSERT INTO import_version (programme_id, year, dataset, number, current, content_hash, file_name, format, row_count, rows_gzip, imported_by_user_id, imported_by)
         VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8, $9, $10, $11)`,
        [programme.id, year, dataset, number, parsed.contentHash, file.originalname, parsed.format, parsed.rowCount, rowsGzip, principal.userId, principal.displayName],
      );
      timer.mark('version');
      await this.audit.record(
        {
          action: 'import',
          principal,
          request,
          objectType: 'import',
          objectId: `${programmeCode}/${year}/${dataset}`,
          details: { file: file.originalname, format: parsed.format, rows: parsed.rowCount, version: number, replacedVersion: current?.number ?? null, contentHash: parsed.contentHash },
        },
        manager,
      );
      timer.mark('audit');
      return { ...base, status: 'imported' as const, version: number };
    });
    timer.mark('commit');
    this.logger.log(
      { dataset, programme: programmeCode, year, rows: parsed.rowCount, status: outcome.status, preparedIn: preparedFile.mode, totalMs: timer.totalMs, phasesMs: timer.phasesMs, workerMs: parsed.timingsMs },
      'Import terminé',
    );
    progress?.update({ phase: 'done', rowsWritten: outcome.status === 'imported' ? outcome.rows : 0 });
    return outcome;
  }

  async history(programmeCode: string, year: number): Promise<ImportVersionView[]> {
    const programme = await this.programme(programmeCode);
    const rows = await this.ds.query(
      `SELECT dataset, number, current, content_hash, file_name, format, row_count, imported_at, imported_by
         FROM import_version WHERE programme_id = $1 AND year = $2 ORDER BY dataset, number DESC`,
      [programme.id, year],
    );
    return rows.map((r: Record<string, unknown>) => ({
      dataset: r['dataset'] as DatasetKey,
      datasetTitle: datasetSpec(r['dataset'] as DatasetKey).title,
      number: r['number'] as number,
      current: r['current'] as boolean,
      contentHash: r['content_hash'] as string,
      fileName: r['file_name'] as string,
      format: r['format'] as string,
      rowCount: r['row_count'] as number,
      importedAt: new Date(r['imported_at'] as string).toISOString(),
      importedBy: r['imported_by'] as string,
    }));
  }

  /** The dataset of the year as it is now, in the template's layout (re-importable unchanged). */
  async export(dataset: DatasetKey, programmeCode: string, year: number): Promise<{ bytes: Buffer; rows: number; contentHash: string }> {
    const programme = await this.programme(programmeCode);
    const rows = await DATASET_STORE[dataset].read(this.ds.manager, { programmeId: programme.id, year });
    const bytes = await (exportDataset as (d: DatasetKey, r: unknown[], o: { programmeCode: string; year: number }) => Promise<Buffer>)(dataset, rows, { programmeCode, year });
    return { bytes, rows: rows.length, contentHash: (contentHash as (d: DatasetKey, r: unknown[]) => string)(dataset, rows) };
  }
}
