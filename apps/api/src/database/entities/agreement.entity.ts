import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organisation } from './organisation.entity';

/** A signed agreement (convention cadre, pacte, convention de partenariat). */
@Entity('agreement')
export class Agreement {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'integer', nullable: true })
  durationMonths!: number | null;

  /** Counts of people below this are shown as « < N » to every role but the operator. */
  @Column({ type: 'integer', default: 5 })
  smallCountThreshold!: number;

  /** 'none' | 'tacit' | 'renewable_once' | … */
  @Column({ type: 'text' })
  renewalKind!: string;

  @Column({ type: 'integer', nullable: true })
  noticeMonths!: number | null;

  @Column({ type: 'text', nullable: true })
  renewalNote!: string | null;

  /** Seed document file the agreement was transcribed from. */
  @Column({ type: 'text', nullable: true })
  sourceDocument!: string | null;

  @Column({ type: 'date', nullable: true })
  signedOn!: string | null;

  /** Everything else printed that matters (dates note, termination rule, cross-references…). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: object;

  /** Small-count suppression threshold for this agreement's data (default 5). */
  @Column({ type: 'integer', default: 5 })
  suppressionThreshold!: number;
}

@Entity('agreement_signatory')
@Unique(['agreement', 'organisation', 'role'])
export class AgreementSignatory {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  agreement!: Agreement;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn()
  organisation!: Organisation;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text', nullable: true })
  representedBy!: string | null;
}

/** Articles that matter for follow-up (governance, finance, data protection…). */
@Entity('agreement_article')
@Unique(['agreement', 'ref'])
export class AgreementArticle {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  agreement!: Agreement;

  @Column({ type: 'text' })
  ref!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;
}
