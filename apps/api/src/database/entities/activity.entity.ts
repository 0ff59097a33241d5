import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Programme } from './programme.entity';

/**
 * One participant's stay in a programme. Only a pseudonymous key is stored (HMAC of the operator's
 * own identifier); never a name, birth date or social-security number.
 */
@Entity('support_episode')
@Index(['programme', 'entryDate'])
@Index(['programme', 'exitDate'])
@Unique(['programme', 'participantKey', 'entryDate'])
export class SupportEpisode {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'text' })
  participantKey!: string;

  /** 'follow_up' (suivi) | 'co_evaluation' (EMAS co-évaluation, 3 months at most). */
  @Column({ type: 'text', default: 'follow_up' })
  kind!: string;

  @Column({ type: 'date' })
  entryDate!: string;

  @Column({ type: 'date', nullable: true })
  exitDate!: string | null;

  @Column({ type: 'text', nullable: true })
  ageBand!: string | null;

  @Column({ type: 'text', nullable: true })
  householdSituation!: string | null;

  @Column({ type: 'text', nullable: true })
  referrer!: string | null;

  /** accord | accord_waiting_list | adjournment | rejection (CCA decisions, annexe 4 art. 4-5) */
  @Column({ type: 'text', nullable: true })
  referralDecision!: string | null;

  @Column({ type: 'text', nullable: true })
  handover!: string | null;

  @Column({ type: 'boolean', default: false })
  leaseTransfer!: boolean;

  @Column({ type: 'text', nullable: true })
  commune!: string | null;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/** A referral examined (e.g. by the coordination commission) with its decision, entry or not. */
@Entity('referral')
@Index(['programme', 'decisionDate'])
export class Referral {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'text' })
  participantKey!: string;

  @Column({ type: 'date' })
  decisionDate!: string;

  @Column({ type: 'text', nullable: true })
  referrer!: string | null;

  @Column({ type: 'boolean', default: false })
  viaSiao!: boolean;

  /** accord | accord_waiting_list | adjournment | rejection (CCA decisions, annexe 4 art. 4-5) */
  @Column({ type: 'text' })
  decision!: string;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;
}

/** Monthly activity counts: day-centre attendance, outreach, waiting list at month end. */
@Entity('monthly_activity')
@Unique(['programme', 'month'])
export class MonthlyActivity {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  /** First day of the month. */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'integer', nullable: true })
  openingDays!: number | null;

  @Column({ type: 'integer', nullable: true })
  attendanceVisits!: number | null;

  @Column({ type: 'integer', nullable: true })
  attendanceDistinctPeople!: number | null;

  @Column({ type: 'integer', nullable: true })
  outreachContacts!: number | null;

  @Column({ type: 'integer', nullable: true })
  outreachDistinctPeople!: number | null;

  @Column({ type: 'integer', nullable: true })
  waitingListEnd!: number | null;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/**
 * The episode-derived inputs of a programme-year, frozen before episode-level rows are purged
 * (retention): the indicators of that year are then computed from these aggregates, so N-2 trends
 * survive the purge. Monthly activity is not purged (it holds no personal rows).
 */
@Entity('frozen_activity_input')
@Unique(['programme', 'year'])
export class FrozenActivityInput {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  /** `episodes` aggregates and the episode-based activity inputs of @sdat/indicators (JSON). */
  @Column({ type: 'jsonb' })
  inputs!: Record<string, unknown>;

  /** Episodes active during the year when it was frozen. */
  @Column({ type: 'integer' })
  episodeRows!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  frozenAt!: Date;
}
