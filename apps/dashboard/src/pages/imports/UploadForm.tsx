import { useId, useRef, useState, type FormEvent } from 'react';
import {
  importErrors,
  isJobFinished,
  jobError,
  jobOutcome,
  useImportJob,
  useStartImport,
  type DatasetView,
  type ImportError,
  type ImportOutcome,
} from '../../api/imports';
import { errorMessage } from '../../components/QueryResult';
import { ImportProgress } from './ImportProgress';

function outcomeText(outcome: ImportOutcome, dataset: string): string {
  const rows = `${outcome.rows} ligne${outcome.rows > 1 ? 's' : ''}`;
  return outcome.status === 'unchanged'
    ? `Fichier identique à la version ${outcome.version} en place (${rows}) : rien n’a été modifié.`
    : `Import réussi : ${dataset} ${outcome.year}, ${rows}, version ${outcome.version}. Les indicateurs sont recalculés avec ces données.`;
}

function ErrorsTable({ errors, errorCount }: { errors: readonly ImportError[]; errorCount: number }) {
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label="Erreurs du fichier">
      <table className="data-table data-table--compact">
        <caption>
          Erreurs du fichier ({errorCount}
          {errors.length < errorCount ? `, les ${errors.length} premières` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col">Feuille</th>
            <th scope="col" className="num">
              Ligne
            </th>
            <th scope="col">Colonne</th>
            <th scope="col">Valeur lue</th>
            <th scope="col">Erreur</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.sheet ?? ''}-${error.row ?? ''}-${error.column ?? ''}-${index}`}>
              <td>{error.sheet ?? '—'}</td>
              <td className="num">{error.row ?? '—'}</td>
              <td>{error.column ?? '—'}</td>
              <td>{error.value === null || error.value === '' ? '—' : <code>{error.value}</code>}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Sends the file in async mode (the API answers 202 with a job), follows the job's progress
 * (rows validated, rows written), then shows its outcome, or why nothing was imported and every
 * row error of a refused file.
 */
export function UploadForm({ code, dataset, year }: { code: string; dataset: DatasetView; year: number }) {
  const upload = useStartImport();
  const job = useImportJob(upload.data);
  const fileId = useId();
  const helpId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);

  const running = upload.isPending || (upload.isSuccess && !job.isError && !isJobFinished(job.data));
  const outcome = jobOutcome(job.data);
  // Refused at once (403, 413…) or once the job has run (422, 409 of a locked year…).
  const failure = upload.isError ? upload.error : jobError(job.data);
  const rejected = failure === null ? null : importErrors(failure);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (file === undefined) {
      setMissingFile(true);
      fileRef.current?.focus();
      return;
    }
    setMissingFile(false);
    upload.mutate({ code, dataset: dataset.key, year, file });
  };

  return (
    <form className="admin-form" noValidate onSubmit={onSubmit} aria-labelledby="titre-importer">
      <div className="field">
        <label htmlFor={fileId}>
          Fichier XLSX ou CSV : {dataset.title} {year}
        </label>
        <input
          ref={fileRef}
          id={fileId}
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={helpId}
          aria-invalid={missingFile}
          disabled={running}
          onChange={() => {
            setMissingFile(false);
            upload.reset();
          }}
        />
        <p id={helpId} className="muted small field__help">
          Toutes les lignes sont contrôlées avant d’écrire quoi que ce soit : un fichier avec une erreur n’importe rien. Le
          même fichier importé deux fois ne crée pas de nouvelle version.
        </p>
      </div>
      <p>
        <button type="submit" className="button button--primary" disabled={running}>
          {upload.isPending ? 'Envoi du fichier…' : running ? 'Import en cours…' : 'Importer'}
        </button>
      </p>
      {job.data !== undefined && <ImportProgress job={job.data} />}
      <div role="status" className="feedback">
        {outcome !== null && <p className="alert alert--success">{outcomeText(outcome, dataset.title)}</p>}
      </div>
      <div role="alert" className="feedback">
        {missingFile && <p className="alert alert--error">Choisissez le fichier à importer.</p>}
        {failure !== null && (
          <p className="alert alert--error">
            <strong>Rien n’a été importé.</strong> {errorMessage(failure)}
          </p>
        )}
        {job.isError && (
          <p className="alert alert--error">
            <strong>La progression de l’import n’a pas pu être suivie.</strong> {errorMessage(job.error)} Consultez l’historique
            des imports ci-dessous avant de recommencer.
          </p>
        )}
      </div>
      {rejected !== null && rejected.errors.length > 0 && <ErrorsTable errors={rejected.errors} errorCount={rejected.errorCount} />}
    </form>
  );
}
