import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
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
