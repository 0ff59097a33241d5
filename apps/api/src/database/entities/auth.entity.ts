import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/** The five roles (see docs/security.md). A user has one role in one organisation. */
export const ROLES = ['operator', 'pilot', 'funder', 'monitoring_committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A person who signs in. Local accounts carry an argon2id hash; OIDC accounts may have none.
 * Scope is never stored here: it follows the organisation's links to programmes.
 */
@Entity('app_user')
@Check('CHK_app_user_role', `"role" IN ('operator', 'pilot', 'funder', 'monitoring_committee', 'admin')`)
@Check('CHK_app_user_email_lower', `"email" = lower("email")`)
export class AppUser {
  @PrimaryGeneratedColumn('identity')
  id!: number;

  /** Always stored lower-case (the service normalises it), so unique means case-insensitively unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn()
  organisation!: Organisation;

  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  /** `sub` claim of the identity provider, when the account signs in through OIDC. */
  @Column({ type: 'text', nullable: true, unique: true })
  oidcSubject!: string | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** Seeded demo account (only in demo mode). */
  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Optimistic lock for admin edits. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored. */
@Entity('user_session')
export class UserSession {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'text', unique: true })
  tokenHash!: string;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn()
  @Index()
  user!: AppUser;

  /** Sent back by the browser in the X-CSRF-Token header on every write. */
  @Column({ type: 'text' })
  csrfToken!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

/**
 * Append-only audit log. A trigger refuses UPDATE, DELETE and TRUNCATE (see the migration), so the
 * application cannot alter what it wrote.
 */
@Entity('audit_log')
@Index(['at'])
export class AuditLog {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'integer', nullable: true })
  actorUserId!: number | null;

  @Column({ type: 'text', nullable: true })
  actorEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole!: string | null;

  /** login_succeeded, login_failed, logout, authorization_denied, user_created, import, report_downloaded… */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  objectType!: string | null;

  @Column({ type: 'text', nullable: true })
  objectId!: string | null;

  @Column({ type: 'text', nullable: true })
  method!: string | null;

  @Column({ type: 'text', nullable: true })
  path!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  /** Before/after of a write, or what was refused and why. */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
