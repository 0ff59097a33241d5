import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Programme } from './programme.entity';

/** draft (projet) → submitted (transmis) → validated (validé); returned or reopened → draft. */
export const REPORT_STATUSES = ['draft', 'submitted', 'validated'] as const;
export type ReportStatusCode = (typeof REPORT_STATUSES)[number];

/** The annual report (bilan) of a programme for a year: narrative and lifecycle. */
@Entity('annual_report')
@Unique(['programme', 'year'])
@Check('CHK_annual_report_status', `"status" IN ('draft', 'submitted', 'validated')`)
export class AnnualReport {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: ReportStatusCode;

  /** { actions, difficulties, partnerships, outlook }: plain French text, paragraphs on blank lines. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  narrative!: Record<string, string | null>;

  @Column({ type: 'timestamptz', nullable: true })
  narrativeUpdatedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  narrativeUpdatedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  submittedBy!: string | null;

  /** The pilot's comment when returning the report to the operator. */
  @Column({ type: 'text', nullable: true })
  returnComment!: string | null;

  /** Optimistic lock. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/** A validated, frozen version of an annual report: the exact PDF bytes, their SHA-256 and the data version. */
@Entity('annual_report_version')
@Unique(['report', 'number'])
export class AnnualReportVersion {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => AnnualReport, { nullable: false })
  @JoinColumn()
  report!: AnnualReport;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'bytea' })
  pdf!: Buffer;

  @Column({ type: 'text' })
  sha256!: string;

  /** SHA-256 of the figures and texts the PDF was made from (not of the PDF). */
  @Column({ type: 'text' })
  dataVersion!: string;

  /** Key figures as printed, to list what changed in the next version. */
  @Column({ type: 'jsonb' })
  keyFigures!: { code: string; label: string; text: string }[];

  @Column({ type: 'timestamptz' })
  validatedAt!: Date;

  @Column({ type: 'text' })
  validatedBy!: string;

  @Column({ type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reopenReason!: string | null;
}
