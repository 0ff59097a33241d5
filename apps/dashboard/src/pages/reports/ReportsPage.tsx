import type { AnnualReportNarrativeView, AnnualReportStatusCode, AnnualReportView, SessionUser } from '@sdat/api-types';
import { format, isValid, parseISO } from 'date-fns';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAgreements } from '../../api/agreements';
import { useProgrammes } from '../../api/programmes';
import {
  committeePackUrl,
  reportPdfUrl,
  reportVersionUrl,
  useAnnualReport,
  useReportAction,
  type ReportAction,
} from '../../api/reports';
import { useSessionUser } from '../../auth/AuthProvider';
import { ErrorMessage, errorMessage, Loading } from '../../components/QueryResult';
import { formatDateTime } from '../../date-time';
import { useDocumentTitle } from '../../use-document-title';

export const REPORT_YEARS: readonly number[] = [2020, 2021, 2022, 2023];
export const DEFAULT_REPORT_YEAR = 2022;

/** `?annee=2021` → 2021; anything else → the default year. */
export function reportYearFromUrl(value: string | null): number {
  const year = Number(value);
  return REPORT_YEARS.includes(year) ? year : DEFAULT_REPORT_YEAR;
}

/** `2023-03-31` → `31/03/2023`. */
export function formatDate(iso: string): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'dd/MM/yyyy') : iso;
}

/** Past its due date (end of that day) and neither transmitted nor validated. */
export function isLate(report: Pick<AnnualReportView, 'status' | 'dueDate'>, now: Date = new Date()): boolean {
  if (report.status !== 'draft') {
    return false;
  }
  const due = parseISO(report.dueDate);
  if (!isValid(due)) {
    return false;
  }
  return now.getTime() > due.getTime() + 24 * 60 * 60 * 1000;
}

const TONES: Record<AnnualReportStatusCode, string> = { draft: 'info', submitted: 'warning', validated: 'success' };

const NARRATIVE_FIELDS: readonly { key: keyof AnnualReportNarrativeView; label: string }[] = [
  { key: 'actions', label: 'Actions menées' },
  { key: 'difficulties', label: 'Difficultés rencontrées' },
  { key: 'partnerships', label: 'Partenariats' },
  { key: 'outlook', label: 'Perspectives' },
];

type Feedback = { tone: 'success' | 'error'; text: string } | null;

function emptyNarrative(narrative: AnnualReportNarrativeView): Record<keyof AnnualReportNarrativeView, string> {
  return {
    actions: narrative.actions ?? '',
    difficulties: narrative.difficulties ?? '',
    partnerships: narrative.partnerships ?? '',
    outlook: narrative.outlook ?? '',
  };
}

function NarrativeEditor({
  report,
  busy,
  onSend,
}: {
  report: AnnualReportView;
  busy: boolean;
  onSend: (action: ReportAction, success: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(() => emptyNarrative(report.narrative));
  // Only a new version read from the API replaces what is being typed (not a background refetch).
  useEffect(() => setDraft(emptyNarrative(report.narrative)), [report.version]);
  const editable = report.status === 'draft';
  const disabled = !editable || busy;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const narrative: AnnualReportNarrativeView = {
      actions: draft.actions.trim() === '' ? null : draft.actions,
      difficulties: draft.difficulties.trim() === '' ? null : draft.difficulties,
      partnerships: draft.partnerships.trim() === '' ? null : draft.partnerships,
      outlook: draft.outlook.trim() === '' ? null : draft.outlook,
    };
    onSend({ kind: 'narrative', version: report.version, narrative }, 'Le bilan qualitatif est enregistré.');
  };

  return (
    <form onSubmit={onSubmit} aria-label={`Bilan qualitatif ${report.programmeCode} ${report.year}`}>
      <fieldset disabled={disabled}>
        <legend>Bilan qualitatif</legend>
        {!editable && <p className="field__help">Le bilan n’est modifiable qu’au statut « projet ».</p>}
        {NARRATIVE_FIELDS.map((field) => (
          <div className="field" key={field.key}>
            <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
            <textarea
              id={`${id}-${field.key}`}
              rows={4}
              disabled={disabled}
              value={draft[field.key]}
              onChange={(event) => setDraft({ ...draft, [field.key]: event.target.value })}
            />
          </div>
        ))}
        <p>
          <button type="submit" className="button button--secondary" disabled={disabled}>
            Enregistrer le bilan qualitatif
          </button>{' '}
          <button
            type="button"
            className="button button--primary"
            disabled={disabled}
            onClick={() => onSend({ kind: 'submit', version: report.version }, 'Le bilan est transmis au pilote.')}
          >
            Transmettre au pilote
          </button>
        </p>
      </fieldset>
    </form>
  );
}

function PilotActions({
  report,
  busy,
  onSend,
}: {
  report: AnnualReportView;
  busy: boolean;
  onSend: (action: ReportAction, success: string) => void;
}) {
  const id = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const commented = (kind: 'return' | 'reopen', success: string) => {
    if (comment.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSend({ kind, version: report.version, comment: comment.trim() }, success);
    setComment('');
  };
  if (report.status === 'draft') {
    return <p className="muted">Le bilan est en cours de rédaction par l’opérateur : aucune action du pilote.</p>;
  }
  return (
    <div className="block">
      <div className="field">
        <label htmlFor={`${id}-comment`}>
          {report.status === 'submitted' ? 'Commentaire (obligatoire pour renvoyer)' : 'Motif de réouverture (obligatoire)'}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          aria-invalid={missing}
          aria-describedby={missing ? `${id}-comment-error` : undefined}
          onChange={(event) => setComment(event.target.value)}
        />
        {missing && (
          <p className="field__error" id={`${id}-comment-error`}>
            Saisissez un commentaire.
          </p>
        )}
      </div>
      <p>
        {report.status === 'submitted' ? (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => onSend({ kind: 'validate', version: report.version }, 'Le bilan est validé : sa version est figée.')}
            >
              Valider
            </button>{' '}
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => commented('return', 'Le bilan est renvoyé à l’opérateur.')}
            >
              Renvoyer
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => commented('reopen', 'Le bilan est rouvert : il repasse au statut « projet ».')}
          >
            Rouvrir
          </button>
        )}
      </p>
    </div>
  );
}

function ReportCard({ code, name, year, user }: { code: string; name: string; year: number; user: SessionUser }) {
  const report = useAnnualReport(code, year);
  const action = useReportAction(code, year);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const headingId = useId();

  const onSend = (next: ReportAction, success: string) => {
    setFeedback(null);
    action.mutate(next, {
      onSuccess: () => setFeedback({ tone: 'success', text: success }),
      onError: (error) => setFeedback({ tone: 'error', text: errorMessage(error) }),
    });
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        {name} — bilan {year}
      </h3>
      {report.isError ? (
        <ErrorMessage error={report.error} context="Le bilan n’a pas pu être chargé." />
      ) : report.isPending ? (
        <Loading label="Chargement du bilan…" />
      ) : (
        <>
          <p>
            <span className={`badge badge--${TONES[report.data.status]}`}>{report.data.statusLabel}</span>{' '}
            {isLate(report.data) && <span className="badge badge--danger">en retard</span>} Échéance :{' '}
            {formatDate(report.data.dueDate)}
            {report.data.submittedAt !== null && report.data.status !== 'draft' && (
              <> — transmis le {formatDateTime(report.data.submittedAt)}{report.data.submittedBy ? ` par ${report.data.submittedBy}` : ''}</>
            )}
          </p>
          {report.data.returnComment !== null && report.data.status === 'draft' && (
            <p className="alert alert--warning">Commentaire du pilote : {report.data.returnComment}</p>
          )}
          <ul className="plain-list">
            <li>
              <a href={reportPdfUrl(code, year)} download>
                Télécharger le bilan {year} (PDF)
              </a>
            </li>
            {report.data.versions.map((version) => (
              <li key={version.number}>
                <a href={reportVersionUrl(code, year, version.number)} download>
                  Version validée n° {version.number} (PDF)
                </a>{' '}
                — validée le {formatDateTime(version.validatedAt)} par {version.validatedBy} — SHA-256{' '}
                <code title={version.sha256}>{version.sha256.slice(0, 12)}…</code>
                {version.reopenedAt !== null && <> — rouverte le {formatDateTime(version.reopenedAt)}</>}
              </li>
            ))}
          </ul>
          {user.role === 'operator' && <NarrativeEditor report={report.data} busy={action.isPending} onSend={onSend} />}
          {user.role === 'pilot' && <PilotActions report={report.data} busy={action.isPending} onSend={onSend} />}
        </>
      )}
      <div aria-live="polite" className="feedback">
        {feedback !== null && <p className={`alert alert--${feedback.tone}`}>{feedback.text}</p>}
      </div>
    </section>
  );
}

/** `/rapports?annee=2022`: annual reports of the programmes in scope, their lifecycle, and the committee packs. */
export function ReportsPage() {
  useDocumentTitle('Rapports');
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const year = reportYearFromUrl(params.get('annee'));
  const programmes = useProgrammes();
  const agreements = useAgreements();
  const yearId = useId();
  if (user === null) {
    return null;
  }
  const programmeName = (code: string) => programmes.data?.find((item) => item.code === code)?.name ?? code;
  const agreementTitle = (code: string) => agreements.data?.find((item) => item.code === code)?.title ?? code;

  return (
    <>
      <h1>Rapports</h1>
      <p className="lead">
        Les bilans annuels des dispositifs (statut, échéance, PDF et versions validées) et le dossier du comité de suivi.
      </p>
      <div className="field">
        <label htmlFor={yearId}>Année</label>
        <select id={yearId} value={year} onChange={(event) => setParams({ annee: event.target.value }, { replace: true })}>
          {REPORT_YEARS.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </select>
      </div>

      <section aria-labelledby="titre-bilans">
        <h2 id="titre-bilans">Bilans annuels {year}</h2>
        {user.programmes.length === 0 ? (
          <p>Aucun dispositif dans votre périmètre.</p>
        ) : (
          user.programmes.map((code) => (
            <ReportCard key={`${code}-${year}`} code={code} name={programmeName(code)} year={year} user={user} />
          ))
        )}
      </section>

      <section aria-labelledby="titre-comite">
        <h2 id="titre-comite">Dossier du comité de suivi</h2>
        {user.agreements.length === 0 ? (
          <p>Aucune convention dans votre périmètre.</p>
        ) : (
          <ul className="plain-list">
            {user.agreements.map((code) => (
              <li key={code}>
                {agreementTitle(code)} — {year} :{' '}
                <a href={committeePackUrl(code, year, 'pdf')} download>
                  dossier {year} (PDF)
                </a>
                {', '}
                <a href={committeePackUrl(code, year, 'xlsx')} download>
                  dossier {year} (XLSX)
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
