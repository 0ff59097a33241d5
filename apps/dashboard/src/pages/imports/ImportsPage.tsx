import type { ProgrammeSummary } from '@sdat/api-types';
import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { exportUrl, templateUrl, useDatasets, useImportHistory, type DatasetKey, type DatasetView, type ImportVersionView } from '../../api/imports';
import { useProgrammes } from '../../api/programmes';
import { ErrorMessage, Loading, QueryResult } from '../../components/QueryResult';
import { formatDateTime } from '../../date-time';
import { useDocumentTitle } from '../../use-document-title';
import { CorrectionsSection } from './CorrectionsSection';
import { UploadForm } from './UploadForm';

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

function HistoryTable({ versions, year }: { versions: readonly ImportVersionView[]; year: number }) {
  if (versions.length === 0) {
    return <p>Aucun import pour {year} : les données de ce dispositif viennent des documents signés ou de la démonstration.</p>;
  }
  return (
    <div className="table-wrapper" tabIndex={0}>
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

/** `/imports?dispositif=…&annee=…&donnees=…` (operator): templates, validated uploads with progress, one-row corrections, versions. */
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

          <section aria-labelledby="titre-corriger">
            <h2 id="titre-corriger">Corriger une ligne</h2>
            <p>
              Une valeur fausse se corrige ici sans réimporter le fichier. Chaque correction est tracée dans le journal
              d’audit ; si quelqu’un d’autre a modifié la ligne entre-temps, rien n’est enregistré. Les données d’une année
              dont le bilan est validé ne se corrigent plus.
            </p>
            <CorrectionsSection code={code} year={year} dataset={dataset} />
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
