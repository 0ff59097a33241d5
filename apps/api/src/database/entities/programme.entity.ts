import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Agreement } from './agreement.entity';
import { Organisation } from './organisation.entity';
import { numericNumber } from './transformers';

/** A programme (dispositif, one annex of an agreement). */
@Entity('programme')
export class Programme {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @ManyToOne(() => Agreement, { nullable: false })
  @JoinColumn()
  agreement!: Agreement;

  @Column({ type: 'integer', nullable: true })
  annexNumber!: number | null;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn()
  operator!: Organisation;

  @Column({ type: 'text', nullable: true })
  targetPublic!: string | null;

  @Column({ type: 'text', nullable: true })
  territory!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Other printed facts: former names, co-operators, opening and activity notes… */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: object;
}

@Entity('programme_pilot')
@Unique(['programme', 'organisation'])
export class ProgrammePilot {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  programme!: Programme;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn()
  organisation!: Organisation;

  /** 'pilot' | 'co_pilot' */
  @Column({ type: 'text' })
  role!: string;
}

/** Capacity targets written in the annex (220 suivis dont 60 à Chenôve; file active de 40…). */
@Entity('capacity_target')
@Unique(['programme', 'code'])
export class CapacityTarget {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numericNumber })
  value!: number;

  @Column({ type: 'text' })
  unit!: string;

  /** Code of the target this one is a part of ("dont"). */
  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'text', nullable: true })
  sourceText!: string | null;
}

/** The indicators an annex asks for, as printed, mapped to catalogue codes when possible. */
@Entity('indicator_requirement')
@Unique(['programme', 'position'])
export class IndicatorRequirement {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  programme!: Programme;

  @Column({ type: 'integer' })
  position!: number;

  /** 'means' | 'results' */
  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  printedLabel!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  indicatorCodes!: string[];
}
