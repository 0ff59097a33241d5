import type { Role, UserView } from '@sdat/api-types';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useAuditLog, useCreateUser, useOrganisations, useUpdateUser, useUsers, type AuditEntryView } from '../../api/admin';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorMessage, errorMessage, Loading, QueryResult } from '../../components/QueryResult';
import { auditActionLabel, auditObjectLabel, roleLabel, ROLES } from '../../labels';
import { formatDateTime } from '../../date-time';
import { useDocumentTitle } from '../../use-document-title';

/** « Actif », « Désactivé », « Verrouillé » (too many failed sign-ins), or both of the last two. */
export function accountState(user: Pick<UserView, 'disabled' | 'locked'>): string {
  if (user.disabled && user.locked) {
    return 'Désactivé, verrouillé';
  }
  if (user.disabled) {
    return 'Désactivé';
  }
  return user.locked ? 'Verrouillé' : 'Actif';
}

function stateTone(user: UserView): string {
  if (user.disabled) {
    return 'badge--danger';
  }
  return user.locked ? 'badge--warning' : 'badge--success';
}

interface Feedback {
  kind: 'success' | 'error';
  text: string;
}

/** Success in a polite status region, errors in an alert; both regions stay in the page. */
function FeedbackRegions({ feedback }: { feedback: Feedback | null }) {
  return (
    <>
      <div role="status" className="feedback">
        {feedback?.kind === 'success' && <p className="alert alert--success">{feedback.text}</p>}
      </div>
      <div role="alert" className="feedback">
        {feedback?.kind === 'error' && <p className="alert alert--error">{feedback.text}</p>}
      </div>
    </>
  );
}

function UsersTable({ users, currentEmail }: { users: readonly UserView[]; currentEmail: string }) {
  const update = useUpdateUser();
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const toggle = (user: UserView) => {
    const disabled = !user.disabled;
    setFeedback(null);
    update.mutate(
      { id: user.id, change: { version: user.version, disabled } },
      {
        onSuccess: (saved) =>
          setFeedback({
            kind: 'success',
            text: `Le compte ${saved.email} est ${saved.disabled ? 'désactivé : ses sessions sont fermées' : 'réactivé'}.`,
          }),
        onError: (error) => setFeedback({ kind: 'error', text: errorMessage(error) }),
      },
    );
  };

  return (
    <>
      <FeedbackRegions feedback={feedback} />
      <div className="table-wrapper" tabIndex={0}>
        <table className="data-table">
          <caption>Comptes ({users.length})</caption>
          <thead>
            <tr>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Nom</th>
              <th scope="col">Rôle</th>
              <th scope="col">Organisation</th>
              <th scope="col">État</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const own = user.email === currentEmail;
              return (
                <tr key={user.id}>
                  <th scope="row" className="row-header">
                    {user.email}
                    {user.demo && <span className="badge badge--demo">démo</span>}
                  </th>
                  <td>{user.displayName}</td>
                  <td>{roleLabel(user.role)}</td>
                  <td>{user.organisation.name}</td>
                  <td>
                    <span className={`badge ${stateTone(user)}`}>{accountState(user)}</span>
                  </td>
                  <td>
                    {own ? (
                      <span className="muted small">Votre compte</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={`${user.disabled ? 'Réactiver' : 'Désactiver'} le compte ${user.email}`}
                        disabled={update.isPending}
                        onClick={() => toggle(user)}
                      >
                        {user.disabled ? 'Réactiver' : 'Désactiver'}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

const EMPTY_FORM = { email: '', displayName: '', role: 'pilot' as Role, organisationCode: '', password: '' };

function CreateUserForm() {
  const organisations = useOrganisations();
  const create = useCreateUser();
  const [form, setForm] = useState(EMPTY_FORM);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const ids = { email: useId(), name: useId(), role: useId(), organisation: useId(), password: useId(), help: useId() };

  const set = <K extends keyof typeof EMPTY_FORM>(key: K, value: (typeof EMPTY_FORM)[K]) => setForm((previous) => ({ ...previous, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      form.email.trim() === '' ? 'l’adresse électronique' : null,
      form.displayName.trim() === '' ? 'le nom' : null,
      form.organisationCode === '' ? 'l’organisation' : null,
      form.password === '' ? 'le mot de passe' : null,
    ].filter((item): item is string => item !== null);
    if (missing.length > 0) {
      setFeedback({ kind: 'error', text: `Renseignez ${missing.join(', ')}.` });
      return;
    }
    setFeedback(null);
    create.mutate(
      { ...form, email: form.email.trim(), displayName: form.displayName.trim() },
      {
        onSuccess: (created) => {
          setForm(EMPTY_FORM);
          setFeedback({ kind: 'success', text: `Compte créé : ${created.email} (${roleLabel(created.role)}, ${created.organisation.name}).` });
          firstFieldRef.current?.focus();
        },
        onError: (error) => setFeedback({ kind: 'error', text: `Le compte n’a pas été créé : ${errorMessage(error)}` }),
      },
    );
  };

  return (
    <form className="admin-form" noValidate onSubmit={onSubmit} aria-labelledby="titre-creer-compte">
      <FeedbackRegions feedback={feedback} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.email}>Adresse électronique</label>
          <input
            ref={firstFieldRef}
            id={ids.email}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={form.email}
            onChange={(event) => set('email', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.name}>Nom affiché</label>
          <input id={ids.name} type="text" autoComplete="off" value={form.displayName} onChange={(event) => set('displayName', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>Rôle</label>
          <select id={ids.role} value={form.role} onChange={(event) => set('role', event.target.value as Role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.organisation}>Organisation</label>
          <select
            id={ids.organisation}
            value={form.organisationCode}
            onChange={(event) => set('organisationCode', event.target.value)}
            disabled={organisations.data === undefined}
          >
            <option value="">{organisations.isError ? 'Liste indisponible' : '— Choisir —'}</option>
            {(organisations.data ?? []).map((organisation) => (
              <option key={organisation.code} value={organisation.code}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.password}>Mot de passe initial</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(event) => set('password', event.target.value)}
            aria-describedby={ids.help}
          />
          <p id={ids.help} className="muted small field__help">
            12 caractères au moins ; à transmettre à la personne par un autre canal.
          </p>
        </div>
      </div>
      <p>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Création en cours…' : 'Créer le compte'}
        </button>
      </p>
    </form>
  );
}

function actorText(entry: AuditEntryView): string {
  // A sign-in is recorded before the session exists: its role is in the details.
  const detailsRole = typeof entry.details?.['role'] === 'string' ? entry.details['role'] : null;
  const actorRole = entry.actorRole ?? detailsRole;
  const role = actorRole === null ? null : roleLabel(actorRole);
  if (entry.actorEmail === null) {
    return '—';
  }
  return role === null ? entry.actorEmail : `${entry.actorEmail} (${role})`;
}

function objectText(entry: AuditEntryView): string {
  if (entry.objectType === null && entry.objectId === null) {
    return '—';
  }
  if (entry.objectType === null) {
    return entry.objectId ?? '—';
  }
  const label = auditObjectLabel(entry.objectType);
  return entry.objectId === null ? label : `${label} ${entry.objectId}`;
}

function AuditLog() {
  const audit = useAuditLog();
  const rows = audit.data?.pages.flat() ?? [];
  if (audit.isPending) {
    return <Loading label="Chargement du journal d’audit…" />;
  }
  if (audit.data === undefined) {
    return <ErrorMessage error={audit.error} context="Le journal d’audit n’a pas pu être chargé." />;
  }
  return (
    <>
      {rows.length === 0 ? (
        <p>Le journal d’audit est vide.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="data-table">
            <caption>Journal d’audit, du plus récent au plus ancien ({rows.length} lignes affichées)</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Acteur</th>
                <th scope="col">Action</th>
                <th scope="col">Objet</th>
                <th scope="col">Chemin</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.at)}</td>
                  <td>{actorText(entry)}</td>
                  <td>{auditActionLabel(entry.action)}</td>
                  <td>{objectText(entry)}</td>
                  <td className="small">
                    {entry.path === null ? '—' : <code>{[entry.method, entry.path].filter(Boolean).join(' ')}</code>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {audit.hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void audit.fetchNextPage()}
            disabled={audit.isFetchingNextPage}
          >
            {audit.isFetchingNextPage ? 'Chargement…' : 'Afficher les plus anciens'}
          </button>
        ) : (
          rows.length > 0 && <span className="muted">Début du journal atteint.</span>
        )}
      </p>
      {audit.isFetchNextPageError && (
        <p className="alert alert--error" role="alert">
          Les lignes plus anciennes n’ont pas pu être chargées : {errorMessage(audit.error)}
        </p>
      )}
    </>
  );
}

/** `/administration` (admin only): accounts, account creation, audit log. */
export function AdministrationPage() {
  useDocumentTitle('Administration');
  const { user } = useAuth();
  const users = useUsers();
  return (
    <>
      <h1>Administration</h1>
      <p className="lead">
        Les comptes de la plateforme et le journal d’audit. L’administrateur ne voit aucune donnée des dispositifs.
      </p>
      <section aria-labelledby="titre-comptes">
        <h2 id="titre-comptes">Comptes</h2>
        <QueryResult query={users} loading="Chargement des comptes…" errorContext="Les comptes n’ont pas pu être chargés.">
          {(list) => <UsersTable users={list} currentEmail={user?.email ?? ''} />}
        </QueryResult>
      </section>
      <section aria-labelledby="titre-creer-compte">
        <h2 id="titre-creer-compte">Créer un compte</h2>
        <CreateUserForm />
      </section>
      <section aria-labelledby="titre-journal">
        <h2 id="titre-journal">Journal d’audit</h2>
        <AuditLog />
      </section>
    </>
  );
}
