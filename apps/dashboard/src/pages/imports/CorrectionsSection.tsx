import type { EditableBudgetLineView, EditableEpisodeView, EditableStaffLineView } from '@sdat/api-types';
import { formatDate, formatEuros, formatFte, formatNumber } from '@sdat/format';
import { Fragment, useId, useState, type ReactNode } from 'react';
import {
  CORRECTION_PAGE_SIZE,
  isCorrectable,
  useCorrectionRows,
  type CorrectableDataset,
  type CorrectionPageByDataset,
  type DatasetView,
} from '../../api/imports';
import { QueryResult } from '../../components/QueryResult';
import { RowEditor, type EditedRow } from './RowEditor';

interface Column<Row> {
  header: string;
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

interface DatasetTable<Row> {
  caption: string;
  /** The row's header cell (what names it). */
  rowHeader: (row: Row) => string;
  columns: Column<Row>[];
  /** Names the row in the « Modifier » button and the messages. */
  rowName: (row: Row) => string;
}

const EMPTY = '—';

const BUDGET_TABLE: DatasetTable<EditableBudgetLineView> = {
  caption: 'Lignes du budget réalisé',
  rowHeader: (row) => row.label,
  columns: [
    { header: 'Compte', cell: (row) => row.accountCode ?? EMPTY },
    { header: 'Groupe', cell: (row) => row.groupLabel },
    { header: 'Montant', numeric: true, cell: (row) => (row.amountCents === null ? EMPTY : formatEuros(row.amountCents, { decimals: 2 })) },
  ],
  rowName: (row) => `la ligne ${row.accountCode ?? 'sans compte'} « ${row.label} »`,
};

const STAFF_TABLE: DatasetTable<EditableStaffLineView> = {
  caption: 'Lignes de personnel réalisé',
  rowHeader: (row) => row.jobTitle,
  columns: [
    {
      header: 'ETP ou nombre',
      numeric: true,
      cell: (row) => (row.quantity === null ? EMPTY : row.unit === 'fte' ? `${formatFte(row.quantity)}\u00a0ETP` : formatNumber(row.quantity, Number.isInteger(row.quantity) ? 0 : 2)),
    },
    { header: 'Postes', numeric: true, cell: (row) => (row.posts === null ? EMPTY : formatNumber(row.posts)) },
  ],
  rowName: (row) => `la ligne « ${row.jobTitle} »`,
};

function episodeTable(handovers: readonly { code: string; label: string }[]): DatasetTable<EditableEpisodeView> {
  const handoverLabel = (code: string | null) => (code === null ? EMPTY : (handovers.find((item) => item.code === code)?.label ?? code));
  return {
    caption: 'Accompagnements actifs pendant l’année',
    rowHeader: (row) => `${row.keyPrefix}…`,
    columns: [
      { header: 'Type', cell: (row) => row.kindLabel },
      { header: 'Entrée', cell: (row) => formatDate(row.entryDate) },
      { header: 'Sortie', cell: (row) => (row.exitDate === null ? 'en cours' : formatDate(row.exitDate)) },
      { header: 'Relais à la sortie', cell: (row) => handoverLabel(row.handover) },
      { header: 'Glissement de bail', cell: (row) => (row.leaseTransfer ? 'oui' : 'non') },
    ],
    rowName: (row) => `l’accompagnement ${row.keyPrefix}… entré le ${formatDate(row.entryDate)}`,
  };
}

function tableOf(dataset: CorrectableDataset, page: CorrectionPageByDataset[CorrectableDataset]): DatasetTable<EditedRow['row']> {
  const table = dataset === 'budget' ? BUDGET_TABLE : dataset === 'staff' ? STAFF_TABLE : episodeTable((page as CorrectionPageByDataset['episodes']).handovers);
  return table as unknown as DatasetTable<EditedRow['row']>;
}

/** « Lignes 26 à 50 sur 60 » and the previous/next page buttons. */
function Pager({ offset, count, total, onMove }: { offset: number; count: number; total: number; onMove: (offset: number) => void }) {
  if (total <= CORRECTION_PAGE_SIZE) {
    return null;
  }
  return (
    <nav className="pager" aria-label="Pages des lignes à corriger">
      <p className="pager__position">
        Lignes {formatNumber(offset + 1)} à {formatNumber(offset + count)} sur {formatNumber(total)}
      </p>
      <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => onMove(Math.max(0, offset - CORRECTION_PAGE_SIZE))}>
        Page précédente
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset + CORRECTION_PAGE_SIZE >= total}
        onClick={() => onMove(offset + CORRECTION_PAGE_SIZE)}
      >
        Page suivante
      </button>
    </nav>
  );
}

function CorrectableRows({ code, year, dataset }: { code: string; year: number; dataset: CorrectableDataset }) {
  const [offset, setOffset] = useState(0);
  const rows = useCorrectionRows(code, dataset, year, offset);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const buttonPrefix = useId();
  const buttonId = (id: string) => `${buttonPrefix}-modifier-${id}`;

  const close = (id: string) => {
    setEditing(null);
    // Back to the row's « Modifier » button once the form has left the page.
    setTimeout(() => document.getElementById(buttonId(id))?.focus(), 0);
  };

  const reload = async (id: string) => {
    const result = await rows.refetch({ throwOnError: true });
    return result.data?.rows.find((row) => row.id === id) ?? null;
  };

  return (
    <>
      <div role="status" className="feedback">
        {saved !== null && <p className="alert alert--success">{saved}</p>}
      </div>
      <QueryResult query={rows} loading="Chargement des lignes…" errorContext="Les lignes à corriger n’ont pas pu être chargées.">
        {(page) => {
          if (page.total === 0) {
            return <p>Aucune ligne pour {year} : importez d’abord un fichier (ou choisissez une autre année).</p>;
          }
          const table = tableOf(dataset, page);
          const handovers = dataset === 'episodes' ? (page as CorrectionPageByDataset['episodes']).handovers : [];
          const width = table.columns.length + 2;
          return (
            <>
              <div className="table-wrapper" tabIndex={0}>
                <table className="data-table data-table--compact">
                  <caption>
                    {table.caption} {year} ({formatNumber(page.total)})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{dataset === 'episodes' ? 'Clé pseudonyme' : dataset === 'budget' ? 'Libellé' : 'Poste'}</th>
                      {table.columns.map((column) => (
                        <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                          {column.header}
                        </th>
                      ))}
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.rows.map((row) => (
                      <Fragment key={row.id}>
                        <tr>
                          <th scope="row" className="row-header">
                            {table.rowHeader(row)}
                            {row.demo && <span className="badge badge--demo">démo</span>}
                          </th>
                          {table.columns.map((column) => (
                            <td key={column.header} className={column.numeric ? 'num nowrap' : undefined}>
                              {column.cell(row)}
                            </td>
                          ))}
                          <td>
                            <button
                              id={buttonId(row.id)}
                              type="button"
                              className="button button--secondary"
                              aria-label={`Modifier ${table.rowName(row)}`}
                              aria-expanded={editing === row.id}
                              onClick={() => {
                                setSaved(null);
                                setEditing(editing === row.id ? null : row.id);
                              }}
                            >
                              Modifier
                            </button>
                          </td>
                        </tr>
                        {editing === row.id && (
                          <tr className="row-editor__row">
                            <td colSpan={width}>
                              <RowEditor
                                code={code}
                                year={year}
                                edited={{ dataset, row } as EditedRow}
                                handovers={handovers}
                                reload={reload}
                                onCancel={() => close(row.id)}
                                onSaved={(edited) => {
                                  setSaved(`Correction enregistrée : ${table.rowName(edited.row)}. Les indicateurs ${year} en tiennent compte.`);
                                  close(row.id);
                                }}
                              />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                offset={page.offset}
                count={page.rows.length}
                total={page.total}
                onMove={(next) => {
                  setEditing(null);
                  setOffset(next);
                }}
              />
            </>
          );
        }}
      </QueryResult>
    </>
  );
}

/**
 * « Corriger une ligne »: the rows of the chosen dataset and year (budget lines, staff lines,
 * episodes, by pages), each with « Modifier ». The other datasets are corrected by a new import.
 */
export function CorrectionsSection({ code, year, dataset }: { code: string; year: number; dataset: DatasetView }) {
  if (!isCorrectable(dataset.key)) {
    return (
      <p>
        « {dataset.title} » ne se corrige pas ligne à ligne : exportez les données en place, corrigez le fichier, puis
        importez-le (une nouvelle version remplace la précédente).
      </p>
    );
  }
  return <CorrectableRows key={`${code}-${dataset.key}-${year}`} code={code} year={year} dataset={dataset.key} />;
}
