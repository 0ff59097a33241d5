import { useState } from 'react';
import {
  isStaleRowConflict,
  useSaveCorrection,
  type CorrectableDataset,
  type CorrectionRequest,
  type CorrectionRowByDataset,
} from '../../api/imports';
import { errorMessage } from '../../components/QueryResult';
import { BudgetLineForm, EpisodeForm, StaffLineForm, type ChangeOf } from './CorrectionForms';

export const STALE_ROW_MESSAGE =
  'Cette ligne a été modifiée par quelqu’un d’autre pendant votre saisie : votre correction n’a pas été enregistrée. ' +
  'Ses valeurs actuelles viennent d’être rechargées ci-dessous ; vérifiez-les, puis enregistrez de nouveau si la correction est toujours nécessaire.';

export const GONE_ROW_MESSAGE =
  'Cette ligne n’existe plus (un nouvel import a sans doute remplacé les données de l’année) : rien n’a été enregistré. Rechargez la liste.';

const RELOAD_FAILED_MESSAGE =
  'Cette ligne a été modifiée par quelqu’un d’autre pendant votre saisie : votre correction n’a pas été enregistrée, et ses valeurs actuelles n’ont pas pu être relues. Rechargez la page.';

/** A row of one dataset, with what its form needs. */
export type EditedRow = { [D in CorrectableDataset]: { dataset: D; row: CorrectionRowByDataset[D] } }[CorrectableDataset];

interface RowEditorProps {
  code: string;
  year: number;
  edited: EditedRow;
  handovers: readonly { code: string; label: string }[];
  /** Reads the row again from the API (null: it no longer exists). */
  reload: (id: string) => Promise<EditedRow['row'] | null>;
  onSaved: (edited: EditedRow) => void;
  onCancel: () => void;
}

/**
 * Corrects one row: sends the fields changed with the version read. A 409 because someone else
 * saved the row first shows a French message and reloads the row (its new values and version) into
 * the form; a 409 of a locked year, and any other refusal, shows the API's own message.
 */
export function RowEditor({ code, year, edited, handovers, reload, onSaved, onCancel }: RowEditorProps) {
  const save = useSaveCorrection(code, year);
  const [base, setBase] = useState<EditedRow>(edited);
  const [problem, setProblem] = useState<string | null>(null);

  const send = (request: CorrectionRequest) => {
    setProblem(null);
    save.mutate(request, {
      onSuccess: () => onSaved(base),
      onError: (error) => {
        if (isStaleRowConflict(error)) {
          setProblem(STALE_ROW_MESSAGE);
          reload(base.row.id).then(
            (fresh) => (fresh === null ? setProblem(GONE_ROW_MESSAGE) : setBase({ dataset: base.dataset, row: fresh } as EditedRow)),
            () => setProblem(RELOAD_FAILED_MESSAGE),
          );
          return;
        }
        // A locked year (validated report), a refused value, a row gone: the API's French message.
        setProblem(`Rien n’a été enregistré. ${errorMessage(error)}`);
      },
    });
  };

  const common = { saving: save.isPending, onCancel };
  const { row } = base;
  return (
    <div className="row-editor">
      <div role="alert" className="feedback">
        {problem !== null && <p className="alert alert--error">{problem}</p>}
      </div>
      {base.dataset === 'budget' ? (
        <BudgetLineForm
          key={row.version}
          row={base.row}
          {...common}
          onSave={(change: ChangeOf<'budget'>) => send({ dataset: 'budget', id: row.id, change: { ...change, version: row.version } })}
        />
      ) : base.dataset === 'staff' ? (
        <StaffLineForm
          key={row.version}
          row={base.row}
          {...common}
          onSave={(change: ChangeOf<'staff'>) => send({ dataset: 'staff', id: row.id, change: { ...change, version: row.version } })}
        />
      ) : (
        <EpisodeForm
          key={row.version}
          row={base.row}
          handovers={handovers}
          {...common}
          onSave={(change: ChangeOf<'episodes'>) => send({ dataset: 'episodes', id: row.id, change: { ...change, version: row.version } })}
        />
      )}
    </div>
  );
}
