import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Programme } from './programme.entity';

/**
 * A counter per programme, raised (by statement-level triggers, migration DataVersions) by every
 * committed write to the data its indicators are computed from: budgets and their lines, funding
 * and earmarks, staff, capacity targets, episodes, referrals, monthly activity, frozen aggregates,
 * and organisation names. A result cached under version N is valid while the counter reads N.
 */
@Entity('programme_data_version')
export class ProgrammeDataVersion {
  @PrimaryColumn({ type: 'integer' })
  programmeId!: number;

  @OneToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme!: Programme;

  @Column({ type: 'bigint', default: 0 })
  version!: string;
}

/**
 * One global counter of what the scope of an organisation is derived from (operator, pilots,
 * funders, signatories, agreements of programmes): a scope cached under version N is valid while
 * it reads N. Single row, key 'scope'.
 */
@Entity('data_version')
export class DataVersion {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'bigint', default: 0 })
  version!: string;
}

/**
 * The indicators of a programme-year as last computed, kept in PostgreSQL under the data version and
 * the code (`engine`) they were computed with: valid while both are the current ones. A new process,
 * another API instance or a comparison of every programme reads them instead of recomputing each
 * programme-year (docs/performance.md § 2). Three JSON texts, sent as they are: every indicator in
 * full; the figures a comparison shows (no breakdown, details or provenance inputs); the same with
 * small counts masked at `threshold`, the programme-year alone.
 */
@Entity('programme_year_result')
export class ProgrammeYearResult {
  @PrimaryColumn({ type: 'integer' })
  programmeId!: number;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme!: Programme;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @PrimaryColumn({ type: 'text' })
  basis!: string;

  @Column({ type: 'bigint' })
  dataVersion!: string;

  @Column({ type: 'text' })
  engine!: string;

  @Column({ type: 'integer' })
  threshold!: number;

  @Column({ type: 'boolean' })
  demo!: boolean;

  @Column({ type: 'text' })
  indicators!: string;

  @Column({ type: 'text' })
  figures!: string;

  @Column({ type: 'text' })
  figuresMasked!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}
