import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Programme } from './programme.entity';

/**
 * One imported version of a dataset for a programme-year. The current version's rows are in the
 * data tables; every version keeps its normalised rows here (compressed), so a replaced version
 * stays in history.
 */
@Entity('import_version')
@Unique(['programme', 'year', 'dataset', 'number'])
@Index(['programme', 'year', 'dataset', 'current'])
@Check('CHK_import_version_dataset', `"dataset" IN ('budget', 'funding', 'staff', 'episodes', 'monthly_activity')`)
export class ImportVersion {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  dataset!: string;

  /** 1, 2, … per programme × year × dataset. */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'boolean' })
  current!: boolean;

  /** SHA-256 of the normalised rows (@sdat/imports contentHash): the same data give the same hash, CSV or XLSX. */
  @Column({ type: 'text' })
  contentHash!: string;

  @Column({ type: 'text' })
  fileName!: string;

  /** 'xlsx' | 'csv' */
  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'integer' })
  rowCount!: number;

  /**
   * The version's normalised rows (episodes carry only pseudonymous keys): their JSON array,
   * gzip-compressed (`importRowsArchive` / `readImportRowsArchive`). Null once the retention purge
   * removed the rows of an old episodes version (its hash and counts stay).
   */
  @Column({ type: 'bytea', nullable: true })
  rowsGzip!: Buffer | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  importedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  importedByUserId!: number | null;

  @Column({ type: 'text' })
  importedBy!: string;
}
