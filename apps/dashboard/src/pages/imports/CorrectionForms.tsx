import type { EditableBudgetLineView, EditableEpisodeView, EditableStaffLineView } from '@sdat/api-types';
import { formatDate } from '@sdat/format';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { CorrectionChangeByDataset } from '../../api/imports';
import { amountInput, checkAmount, checkExitDate, checkFte, checkText, fteInput, type Checked } from './correction-values';

/** What a form sends: the changed fields only (the version is added by the editor). */
export type ChangeOf<D extends keyof CorrectionChangeByDataset> = Omit<CorrectionChangeByDataset[D], 'version'>;

interface FormProps<Row, Change> {
  row: Row;
  saving: boolean;
  onSave: (change: Change) => void;
  onCancel: () => void;
}

interface TextFieldProps {
  label: string;
  error?: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  /** Numbers typed the French way (« 4 230,18 »): the decimal keypad on touch screens. */
  decimal?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** A one-line text field of a correction form (label, help, error announced with it). */
function TextField({ label, error, help, value, onChange, decimal = false, inputRef }: TextFieldProps) {
  return (
    <Field label={label} error={error} help={help}>
      {({ id, describedBy }) => (
        <input
          ref={inputRef}
          id={id}
          type="text"
          {...(decimal ? { inputMode: 'decimal' as const } : {})}
          autoComplete="off"
          value={value}
          aria-invalid={error !== undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** Sends the changed fields, or says that nothing changed (nothing is sent). */
function saveIfChanged<C extends object>(change: C, setNotice: (notice: string | null) => void, onSave: (change: C) => void): void {
  if (Object.keys(change).length === 0) {
    setNotice(NOTHING_CHANGED);
    return;
  }
  setNotice(null);
  onSave(change);
}

const NOTHING_CHANGED = 'Aucune modification : changez une valeur avant d’enregistrer, ou annulez.';

/** A labelled field with its help and its error (announced with the field: aria-describedby). */
function Field({ label, error, help, children }: { label: string; error?: string; help?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-erreur`;
  const helpId = `${id}-aide`;
  const describedBy = [help === undefined ? null : helpId, error === undefined ? null : errorId].filter((item) => item !== null).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: describedBy === '' ? undefined : describedBy })}
      {help !== undefined && (
        <p id={helpId} className="muted small field__help">
          {help}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The frame of every correction form: its title, the buttons, Escape to cancel, the first field
 * focused when it opens, and a message when nothing was changed.
 */
function FormFrame({
  title,
  saving,
  notice,
  onSubmit,
  onCancel,
  firstFieldRef,
  children,
}: {
  title: string;
  saving: boolean;
  notice: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  firstFieldRef: RefObject<HTMLInputElement | null>;
  children: ReactNode;
}) {
  const titleId = useId();
  useEffect(() => {
    firstFieldRef.current?.focus();
  }, [firstFieldRef]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  const escape = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form className="correction-form" noValidate aria-labelledby={titleId} onSubmit={submit} onKeyDown={escape}>
      <h3 id={titleId}>{title}</h3>
      <div className="form-grid">{children}</div>
      {notice !== null && <p className="field__error">{notice}</p>}
      <p className="correction-form__buttons">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Enregistrement…' : 'Enregistrer'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Annuler
        </button>
      </p>
    </form>
  );
}

/**
 * Field errors by field name. `report` shows them; after each submit with errors, the first field
 * in error (inside `wrapperRef`) gets the focus, its message being read with it.
 */
function useFieldErrors<K extends string>() {
  const [state, setState] = useState<{ errors: Partial<Record<K, string>>; attempt: number }>({ errors: {}, attempt: 0 });
  const wrapperRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.attempt > 0) {
      wrapperRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [state]);
  const check = <T,>(key: K, checked: Checked<T>, found: Partial<Record<K, string>>): T | undefined => {
    if (checked.ok) {
      return checked.value;
    }
    found[key] = checked.error;
    return undefined;
  };
  /** Shows `found`; true when there is none. */
  const report = (found: Partial<Record<K, string>>): boolean => {
    const valid = Object.keys(found).length === 0;
    setState((previous) => ({ errors: found, attempt: valid ? previous.attempt : previous.attempt + 1 }));
    return valid;
  };
  return { errors: state.errors, check, report, wrapperRef };
}

export function BudgetLineForm({ row, saving, onSave, onCancel }: FormProps<EditableBudgetLineView, ChangeOf<'budget'>>) {
  const [label, setLabel] = useState(row.label);
  const [amount, setAmount] = useState(amountInput(row.amountCents));
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, check, report, wrapperRef } = useFieldErrors<'label' | 'amount'>();
  const firstFieldRef = useRef<HTMLInputElement>(null);

  const submit = () => {
    const found: Partial<Record<'label' | 'amount', string>> = {};
    const checkedLabel = check('label', checkText(label, 'Le libellé', 300), found);
    // A line printed without amount keeps none unless one is typed.
    const cents = row.amountCents === null && amount.trim() === '' ? null : check('amount', checkAmount(amount), found);
    setNotice(null);
    if (!report(found) || checkedLabel === undefined || cents === undefined) {
      return;
    }
    const change: ChangeOf<'budget'> = {
      ...(checkedLabel !== row.label ? { label: checkedLabel } : {}),
      ...(cents !== null && cents !== row.amountCents ? { amountCents: cents } : {}),
    };
    saveIfChanged(change, setNotice, onSave);
  };

  return (
    <div ref={wrapperRef}>
      <FormFrame
        title={`Corriger la ligne ${row.accountCode ?? 'sans compte'} « ${row.label} »`}
        saving={saving}
        notice={notice}
        onSubmit={submit}
        onCancel={onCancel}
        firstFieldRef={firstFieldRef}
      >
        <TextField label="Montant (€)" error={errors.amount} help="En euros, par exemple 4 230,18." inputRef={firstFieldRef} decimal value={amount} onChange={setAmount} />
        <TextField label="Libellé" error={errors.label} value={label} onChange={setLabel} />
      </FormFrame>
    </div>
  );
}

export function StaffLineForm({ row, saving, onSave, onCancel }: FormProps<EditableStaffLineView, ChangeOf<'staff'>>) {
  const inFte = row.unit === 'fte';
  const [jobTitle, setJobTitle] = useState(row.jobTitle);
  const [fte, setFte] = useState(fteInput(row.quantity));
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, check, report, wrapperRef } = useFieldErrors<'jobTitle' | 'fte'>();
  const firstFieldRef = useRef<HTMLInputElement>(null);

  const submit = () => {
    const found: Partial<Record<'jobTitle' | 'fte', string>> = {};
    const title = check('jobTitle', checkText(jobTitle, 'L’intitulé du poste', 200), found);
    const checkedFte = inFte ? check('fte', checkFte(fte), found) : undefined;
    setNotice(null);
    if (!report(found) || title === undefined) {
      return;
    }
    const change: ChangeOf<'staff'> = {
      ...(title !== row.jobTitle ? { jobTitle: title } : {}),
      ...(checkedFte !== undefined && checkedFte !== row.quantity ? { fte: checkedFte } : {}),
    };
    saveIfChanged(change, setNotice, onSave);
  };

  const titleField = (ref?: RefObject<HTMLInputElement | null>) => (
    <TextField label="Intitulé du poste" error={errors.jobTitle} inputRef={ref} value={jobTitle} onChange={setJobTitle} />
  );

  return (
    <div ref={wrapperRef}>
      <FormFrame title={`Corriger la ligne « ${row.jobTitle} »`} saving={saving} notice={notice} onSubmit={submit} onCancel={onCancel} firstFieldRef={firstFieldRef}>
        {inFte ? (
          <>
            <TextField label="ETP" error={errors.fte} help="Équivalents temps plein, 2 décimales au plus (par exemple 2,5)." inputRef={firstFieldRef} decimal value={fte} onChange={setFte} />
            {titleField()}
          </>
        ) : (
          <>
            {titleField(firstFieldRef)}
            <p className="muted small">Cette ligne n’est pas exprimée en ETP : seul son intitulé se corrige ici.</p>
          </>
        )}
      </FormFrame>
    </div>
  );
}

export function EpisodeForm({
  row,
  handovers,
  saving,
  onSave,
  onCancel,
}: FormProps<EditableEpisodeView, ChangeOf<'episodes'>> & { handovers: readonly { code: string; label: string }[] }) {
  const [exitDate, setExitDate] = useState(row.exitDate ?? '');
  const [handover, setHandover] = useState(row.handover ?? '');
  const [leaseTransfer, setLeaseTransfer] = useState(row.leaseTransfer);
  const [exitIncomplete, setExitIncomplete] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, check, report, wrapperRef } = useFieldErrors<'exitDate'>();
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const leaseId = useId();
  const handoverId = useId();

  const submit = () => {
    const found: Partial<Record<'exitDate', string>> = {};
    // A date typed halfway reads as empty: never take it for « no exit date ».
    const checked: Checked<string | null> = exitIncomplete
      ? { ok: false, error: 'Date de sortie incomplète : saisissez le jour, le mois et l’année, ou videz le champ.' }
      : checkExitDate(exitDate, row.entryDate);
    const exit = check('exitDate', checked, found);
    setNotice(null);
    if (!report(found) || exit === undefined) {
      return;
    }
    const nextHandover = handover === '' ? null : handover;
    const change: ChangeOf<'episodes'> = {
      ...(exit !== row.exitDate ? { exitDate: exit } : {}),
      ...(nextHandover !== row.handover ? { handover: nextHandover } : {}),
      ...(leaseTransfer !== row.leaseTransfer ? { leaseTransfer } : {}),
    };
    saveIfChanged(change, setNotice, onSave);
  };

  return (
    <div ref={wrapperRef}>
      <FormFrame
        title={`Corriger l’accompagnement ${row.keyPrefix}… entré le ${formatDate(row.entryDate)}`}
        saving={saving}
        notice={notice}
        onSubmit={submit}
        onCancel={onCancel}
        firstFieldRef={firstFieldRef}
      >
        <Field label="Date de sortie" error={errors.exitDate} help="Laissez vide si l’accompagnement est toujours en cours.">
          {({ id, describedBy }) => (
            <input
              ref={firstFieldRef}
              id={id}
              type="date"
              min={row.entryDate}
              value={exitDate}
              aria-invalid={errors.exitDate !== undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setExitDate(event.target.value);
                setExitIncomplete(event.target.validity.badInput);
              }}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor={handoverId}>Relais à la sortie</label>
          <select id={handoverId} value={handover} onChange={(event) => setHandover(event.target.value)}>
            <option value="">— Aucun relais renseigné —</option>
            {handovers.map((item) => (
              <option key={item.code} value={item.code}>
                {item.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input id={leaseId} type="checkbox" checked={leaseTransfer} onChange={(event) => setLeaseTransfer(event.target.checked)} />
          <label htmlFor={leaseId}>Glissement de bail</label>
        </div>
      </FormFrame>
    </div>
  );
}
