import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation: funder, operator, pilot, signatory (kinds can combine). */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  kinds!: string[];

  /** Other printed forms of the name. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
