import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Agreement } from './agreement.entity';
import { Programme } from './programme.entity';
import { bigintCents, numericNumber } from './transformers';

/**
 * A recurring obligation written in an agreement (deadline or meeting). Only the rule is stored;
 * concrete due dates are computed from it for any period.
 */
@Entity('obligation_rule')
@Unique(['code'])
export class ObligationRule {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @Column({ type: 'text' })
  code!: string;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  agreement!: Agreement;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  programme!: Programme | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  label!: string;

  /** The schedule rule, e.g. {"type":"yearly","month":3,"day":15,"yearOffset":1}. */
  @Column({ type: 'jsonb' })
  rule!: object;

  /** Organisation codes (organisation.code) responsible for the obligation. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  responsibleOrgCodes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recipientOrgCodes!: string[];

  /** Validity window inside the agreement, Pacte action number… */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: object;

  @Column({ type: 'text', nullable: true })
  sourceRef!: string | null;

  @Column({ type: 'text', nullable: true })
  printed!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

/** An inconsistency inside a source document: what is printed vs what the lines add up to. */
@Entity('reconciliation_finding')
@Unique(['code'])
export class ReconciliationFinding {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  severity!: string;

  /** The check that produced it (several findings can share a check). */
  @Column({ type: 'text' })
  checkCode!: string;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  agreement!: Agreement;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  programme!: Programme | null;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'text' })
  field!: string;

  @Column({ type: 'text', nullable: true })
  printedValue!: string | null;

  @Column({ type: 'text', nullable: true })
  computedValue!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  printedCents!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  computedCents!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  differenceCents!: number | null;

  @Column({ type: 'text' })
  message!: string;
}

/** An action of the Pacte de solidarité (or any agreement organised in actions). */
@Entity('agreement_action')
@Unique(['agreement', 'number'])
export class AgreementAction {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  agreement!: Agreement;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', nullable: true })
  axis!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  stateAmountCents!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  metropoleAmountCents!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  estimatedBudgetCents!: number | null;

  @Column({ type: 'text', nullable: true })
  timetable!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: object;
}

/** A numeric target an agreement sets (Pacte indicators, CAF housing targets…). */
@Entity('agreement_target')
@Unique(['agreement', 'code'])
export class AgreementTarget {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  agreement!: Agreement;

  @ManyToOne(() => AgreementAction, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  action!: AgreementAction | null;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericNumber })
  targetValue!: number | null;

  @Column({ type: 'text', nullable: true })
  unit!: string | null;

  @Column({ type: 'text', nullable: true })
  period!: string | null;

  @Column({ type: 'text', nullable: true })
  sourceText!: string | null;
}

/** Which version of the reference data (transcribed seed documents) the database holds. */
@Entity('reference_data_load')
export class ReferenceDataLoad {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  /** SHA-256 of the reference data as loaded. */
  @Column({ type: 'text' })
  contentHash!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;
}
