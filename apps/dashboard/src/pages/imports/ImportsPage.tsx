import type { ProgrammeSummary } from '@sdat/api-types';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  exportUrl,
  importErrors,
  templateUrl,
  useDatasets,
  useImportHistory,
  useUploadImport,
  type DatasetKey,
  type DatasetView,
  type ImportError,
  type ImportOutcome,
  type ImportVersionView,
} from '../../api/imports';
import { useProgrammes } from '../../api/programmes';
import { ErrorMessage, errorMessage, Loading, QueryResult } from '../../components/QueryResult';
import { formatDateTime } from '../../date-time';
import { useDocumentTitle } from '../../use-document-title';

const FIRST_YEAR = 2020;

/** Years offered: those with a budget, and from 2020 to next year (a year is loaded before it ends). */
export function importYears(programme: ProgrammeSummary | undefined, today: Date = new Date()): number[] {
  const current = today.getFullYear();
  const years = new Set<number>(programme?.budgets.map((budget) => budget.year) ?? []);
  for (let year = FIRST_YEAR; year <= current + 1; year += 1) {
    years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

/** The latest year with a budget (what is being worked on), else last year. */
function defaultYear(programme: ProgrammeSummary | undefined, today: Date = new Date()): number {
  const years = programme?.budgets.map((budget) => budget.year) ?? [];
  return years.length > 0 ? Math.max(...years) : today.getFullYear() - 1;
}

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

function UploadForm({ code, dataset, year }: { code: string; dataset: DatasetView; year: number }) {
  const upload = useUploadImport();
  const fileId = useId();
  const helpId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);

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

  const rejected = upload.isError ? importErrors(upload.error) : null;
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
        <button type="submit" className="button button--primary" disabled={upload.isPending}>
          {upload.isPending ? 'Import en cours…' : 'Importer'}
        </button>
      </p>
      <div role="status" className="feedback">
        {upload.isSuccess && <p className="alert alert--success">{outcomeText(upload.data, dataset.title)}</p>}
      </div>
      <div role="alert" className="feedback">
        {missingFile && <p className="alert alert--error">Choisissez le fichier à importer.</p>}
        {upload.isError && (
          <p className="alert alert--error">
            <strong>Rien n’a été importé.</strong> {errorMessage(upload.error)}
          </p>
        )}
      </div>
      {rejected !== null && rejected.errors.length > 0 && <ErrorsTable errors={rejected.errors} errorCount={rejected.errorCount} />}
    </form>
  );
}

function HistoryTable({ versions, year }: { versions: readonly ImportVersionView[]; year: number }) {
  if (versions.length === 0) {
    return <p>Aucun import pour {year} : les données de ce dispositif viennent des documents signés ou de la démonstration.</p>;
  }
  return (
    <div className="table-wrapper">
      <table className="data-table">
        <caption>Versions importées pour {year}, la plus récente d’abord</caption>
        <thead>
          <tr>
            <th scope="col">Jeu de données</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col">Fichier</th>
            <th scope="col" className="num">
              Lignes
            </th>
            <th scope="col">Importé le</th>
            <th scope="col">Par</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={`${version.dataset}-${version.number}`}>
              <th scope="row" className="row-header">
                {version.datasetTitle}
              </th>
              <td className="num">
                {version.number}
                {version.current && <span className="badge badge--success">en place</span>}
              </td>
              <td>
                {version.fileName} <span className="muted small">({version.format.toUpperCase()})</span>
              </td>
              <td className="num">{version.rowCount}</td>
              <td className="nowrap">{formatDateTime(version.importedAt)}</td>
              <td>{version.importedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DatasetColumns({ dataset }: { dataset: DatasetView }) {
  return (
    <details className="how-computed">
      <summary>Colonnes du modèle « {dataset.title} »</summary>
      <div className="how-computed__body">
        <ul>
          {dataset.columns.map((column) => (
            <li key={column.key}>
              <strong>{column.header}</strong>
              {column.required ? ' (obligatoire)' : ' (facultative)'}
              {column.help !== undefined && column.help !== '' && <> — {column.help}</>}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

/** `/imports?dispositif=…&annee=…&donnees=…` (operator): templates, validated uploads, versions. */
export function ImportsPage() {
  useDocumentTitle('Imports');
  const programmes = useProgrammes();
  const datasets = useDatasets();
  const [params, setParams] = useSearchParams();
  const programmeId = useId();
  const yearId = useId();
  const datasetId = useId();

  const list = programmes.data ?? [];
  const code = list.some((programme) => programme.code === params.get('dispositif')) ? (params.get('dispositif') as string) : (list[0]?.code ?? null);
  const programme = list.find((item) => item.code === code);
  const years = useMemo(() => importYears(programme), [programme]);
  const wantedYear = Number(params.get('annee'));
  const year = years.includes(wantedYear) ? wantedYear : defaultYear(programme);
  const dataset =
    datasets.data?.find((item) => item.key === params.get('donnees')) ?? datasets.data?.find((item) => item.key === 'budget') ?? datasets.data?.[0];
  const history = useImportHistory(code ?? '', year, { enabled: code !== null });

  const choose = (next: { dispositif?: string; annee?: number; donnees?: DatasetKey }) => {
    const merged = {
      dispositif: next.dispositif ?? code ?? '',
      annee: String(next.annee ?? year),
      donnees: next.donnees ?? dataset?.key ?? 'budget',
    };
    setParams(merged, { replace: true });
  };

  return (
    <>
      <h1>Imports</h1>
      <p className="lead">
        Chargez les données d’une année d’un dispositif à partir du modèle XLSX : budget, financements, personnel,
        accompagnements ou activité mensuelle. Chaque import crée une version ; les précédentes restent dans
        l’historique.
      </p>
      {programmes.isError ? (
        <ErrorMessage error={programmes.error} context="Les dispositifs n’ont pas pu être chargés." />
      ) : datasets.isError ? (
        <ErrorMessage error={datasets.error} context="Les jeux de données importables n’ont pas pu être chargés." />
      ) : programmes.isPending || datasets.isPending ? (
        <Loading label="Chargement des dispositifs et des jeux de données…" />
      ) : code === null || dataset === undefined ? (
        <p>Aucun dispositif dans le périmètre de votre organisation.</p>
      ) : (
        <>
          <form className="period-selector" onSubmit={(event) => event.preventDefault()}>
            <fieldset>
              <legend>Données à charger</legend>
              <div className="field">
                <label htmlFor={programmeId}>Dispositif</label>
                <select id={programmeId} value={code} onChange={(event) => choose({ dispositif: event.target.value })}>
                  {list.map((item) => (
                    <option key={item.code} value={item.code}>
                      {item.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={yearId}>Année</label>
                <select id={yearId} value={year} onChange={(event) => choose({ annee: Number(event.target.value) })}>
                  {years.map((item) => (
                    <option key={item} value={item}>
                      {item}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={datasetId}>Jeu de données</label>
                <select id={datasetId} value={dataset.key} onChange={(event) => choose({ donnees: event.target.value as DatasetKey })}>
                  {(datasets.data ?? []).map((item) => (
                    <option key={item.key} value={item.key}>
                      {item.title}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          </form>

          <section aria-labelledby="titre-modele">
            <h2 id="titre-modele">
              {dataset.title} — {programme?.name ?? code} {year}
            </h2>
            <p>{dataset.description}</p>
            <ul className="plain-list download-links">
              <li>
                <a href={templateUrl(code, dataset.key, year)} download>
                  Télécharger le modèle à remplir (XLSX)
                </a>
              </li>
              <li>
                <a href={exportUrl(code, dataset.key, year)} download>
                  Exporter les données {year} en place (XLSX, réimportable tel quel)
                </a>
              </li>
            </ul>
            <DatasetColumns dataset={dataset} />
          </section>

          <section aria-labelledby="titre-importer">
            <h2 id="titre-importer">Importer un fichier</h2>
            <UploadForm key={`${code}-${dataset.key}-${year}`} code={code} dataset={dataset} year={year} />
          </section>

          <section aria-labelledby="titre-historique">
            <h2 id="titre-historique">Historique des imports {year}</h2>
            <QueryResult query={history} loading="Chargement de l’historique…" errorContext="L’historique n’a pas pu être chargé.">
              {(versions) => <HistoryTable versions={versions} year={year} />}
            </QueryResult>
          </section>
        </>
      )}
    </>
  );
}
