import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organisation } from './organisation.entity';
import { Programme } from './programme.entity';
import { bigintCents, numericNumber } from './transformers';

/** Where a row comes from: the seed documents, an operator's import, or generated demo data. */
export type DataSource = 'document' | 'import' | 'demo';

/** A budget of a programme-year on one basis (forecast = BP, actual = réalisé). */
@Entity('budget')
@Unique(['programme', 'year', 'basis'])
export class Budget {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  /** 'forecast' | 'actual' */
  @Column({ type: 'text' })
  basis!: string;

  @Column({ type: 'text', nullable: true })
  printedTitle!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  printedTotalExpensesCents!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  printedTotalIncomeCents!: number | null;

  @Column({ type: 'text' })
  source!: DataSource;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;
}

/** A group of account lines (60, 61, 62, 63/64, 65, 68; 70, 74) with the subtotal printed on the document. */
@Entity('budget_group')
@Unique(['budget', 'groupCode'])
export class BudgetGroup {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  budget!: Budget;

  @Column({ type: 'text' })
  groupCode!: string;

  /** 'expenses' | 'income' */
  @Column({ type: 'text' })
  side!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  printedSubtotalCents!: number | null;

  @Column({ type: 'integer' })
  position!: number;

  /** Rows printed under the header without code nor amount, e.g. "(dont primes … : 4 896 €)". */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  notes!: string[];
}

/** One account line (ligne / compte) with its chart-of-accounts code, as printed. */
@Entity('budget_line')
@Index(['budget', 'accountCode'])
export class BudgetLine {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  budget!: Budget;

  @Column({ type: 'text' })
  groupCode!: string;

  @Column({ type: 'text' })
  side!: string;

  /** Null when the document prints a line without an account code. */
  @Column({ type: 'text', nullable: true })
  accountCode!: string | null;

  @Column({ type: 'text' })
  label!: string;

  /** Null when the document leaves the amount cell empty. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  amountCents!: number | null;

  @Column({ type: 'text', nullable: true })
  printedAmount!: string | null;

  /** Funder an income line comes from, when its label names one. */
  @ManyToOne(() => Organisation, { nullable: true })
  @JoinColumn()
  funder!: Organisation | null;

  /** True for a line standing for a whole group the document prints without detail (e.g. 63/64). */
  @Column({ type: 'boolean', default: false })
  groupWithoutDetail!: boolean;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/** Earmarked part of a budget line or a funding ("dont primes Ségur : 43 483 €"). */
@Entity('earmark')
export class Earmark {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  /** Indexed (as the two other parents): earmarks are read by parent ids and cascade-deleted with them (see docs/performance.md). */
  @ManyToOne(() => BudgetLine, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  @Index()
  budgetLine!: BudgetLine | null;

  @ManyToOne(() => BudgetGroup, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  @Index()
  budgetGroup!: BudgetGroup | null;

  @ManyToOne(() => Funding, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  @Index()
  funding!: Funding | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'bigint', transformer: bigintCents })
  amountCents!: number;
}

/** A funder's contribution to a programme-year, as listed in the annex's funding table. */
@Entity('funding')
@Index(['programme', 'year', 'basis'])
export class Funding {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn()
  funder!: Organisation;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'bigint', transformer: bigintCents })
  amountCents!: number;

  /** 'forecast' (the annex's funding table) | 'actual' (what was received). */
  @Column({ type: 'text', default: 'forecast' })
  basis!: string;

  @Column({ type: 'boolean' })
  funderIsSignatory!: boolean;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text', nullable: true })
  printed!: string | null;

  /** Breakdown printed on the following row ("– 122 906 € Accueil de jour – …"). */
  @Column({ type: 'jsonb', nullable: true })
  breakdown!: object[] | null;

  @Column({ type: 'text' })
  source!: DataSource;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;
}

/** What an annex says about its funding table as a whole (EMAS: 13 funders, only signatories listed). */
@Entity('funding_note')
@Unique(['programme', 'year'])
export class FundingNote {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer', nullable: true })
  totalFunderCount!: number | null;

  @Column({ type: 'boolean' })
  onlySignatoriesListed!: boolean;

  @Column({ type: 'text' })
  printed!: string;
}

/** Staff by job title (ETP par qualification) for a programme-year. */
@Entity('staff_line')
@Unique(['programme', 'year', 'basis', 'position'])
export class StaffLine {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  basis!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  jobCode!: string;

  @Column({ type: 'text' })
  jobTitle!: string;

  /** Null when the document gives no number (e.g. "temps de renfort"). */
  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericNumber })
  quantity!: number | null;

  /** 'fte' or 'posts' (a number of posts is not an FTE figure) or 'other'. */
  @Column({ type: 'text' })
  unit!: string;

  /** Number of posts behind an FTE line, when the operator gives it (imports). */
  @Column({ type: 'integer', nullable: true })
  posts!: number | null;

  @Column({ type: 'text', nullable: true })
  printed!: string | null;

  @Column({ type: 'text' })
  source!: DataSource;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  /** Optimistic lock for corrections in the dashboard. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/** Social-life fund (Fonds de Vie Sociale) envelope and use for a programme-year. */
@Entity('social_life_fund')
@Unique(['programme', 'year', 'basis'])
export class SocialLifeFund {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  /** 'forecast' (envelope of the budget) | 'actual' (envelope and use reported). */
  @Column({ type: 'text', default: 'forecast' })
  basis!: string;

  @Column({ type: 'bigint', transformer: bigintCents })
  envelopeCents!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  usedCents!: number | null;

  /** Credits unused in N-1 reassigned to N (art. 2-IV-3). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintCents })
  carriedOverCents!: number | null;

  @Column({ type: 'text' })
  source!: DataSource;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;
}

/** Operating result (excédent / déficit) of a programme-year and its proposed allocation. */
@Entity('operating_result')
@Unique(['programme', 'year'])
export class OperatingResult {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'bigint', transformer: bigintCents })
  resultCents!: number;

  @Column({ type: 'text', nullable: true })
  allocation!: string | null;

  @Column({ type: 'boolean', default: false })
  allocationValidated!: boolean;

  @Column({ type: 'text' })
  source!: DataSource;

  @Column({ type: 'boolean', default: false })
  demo!: boolean;
}

