import type { ComparedIndicator, IndicatorDefinition, IndicatorValue } from '@sdat/api-types';
import { capitalise, formatIndicatorValue, indicatorValueText, missingValue, type MissingValue } from '@sdat/charts';
import { formatDate } from '@sdat/format';
import { useState, type ReactNode } from 'react';
import { basisLabel } from '../labels';

/** The catalogue by indicator code (`GET /api/indicators`). */
export type IndicatorCatalogue = ReadonlyMap<string, IndicatorDefinition>;

export function catalogueByCode(definitions: readonly IndicatorDefinition[] | undefined): IndicatorCatalogue {
  return new Map((definitions ?? []).map((definition) => [definition.code, definition]));
}

/** « Pas de données — <raison> » or « Non calculable : <raison> ». */
export function missingValueSentence(missing: MissingValue): string {
  return missing.reason !== null && missing.text === missing.label ? `${missing.label} — ${missing.reason}` : missing.text;
}

/** Flags and notes of a value, without repeating its reason. */
function remarks(indicator: Pick<IndicatorValue, 'reason' | 'flags'> & { provenance: Pick<IndicatorValue['provenance'], 'notes'> }): string[] {
  const reason = indicator.reason?.trim();
  const messages = [...indicator.flags.map((flag) => flag.message), ...(indicator.provenance.notes ?? [])]
    .map((message) => message.trim())
    .filter((message) => message !== '' && message !== reason);
  return [...new Set(messages)];
}

function periodText(indicator: IndicatorValue): string | null {
  const period = indicator.provenance.period;
  return period === null ? null : `du ${formatDate(period.start)} au ${formatDate(period.end)}`;
}

function DefinitionFacts({ definition }: { definition: IndicatorDefinition | undefined }) {
  if (definition === undefined) {
    return null;
  }
  return (
    <>
      <dt>Définition</dt>
      <dd>{definition.definition}</dd>
      <dt>Formule</dt>
      <dd>{definition.formula}</dd>
    </>
  );
}

function SourceFact({ definition }: { definition: IndicatorDefinition | undefined }) {
  if (definition === undefined) {
    return null;
  }
  const { document, location, quote } = definition.sourceRef;
  return (
    <>
      <dt>Demandé par</dt>
      <dd>
        {document}, {location}
        {quote !== '' && <> : « {quote} »</>}
      </dd>
    </>
  );
}

/** One indicator value: definition, formula, the computation with its figures, inputs, remarks. */
function Explanation({ indicator, definition }: { indicator: IndicatorValue; definition: IndicatorDefinition | undefined }) {
  const missing = missingValue(indicator);
  const period = periodText(indicator);
  const notes = remarks(indicator);
  const title = indicator.year === null ? indicator.label : `${indicator.label} — ${indicator.year}`;
  // The small-count rule empties the inputs it masks (without a marker of their own).
  const masksInputs = indicator.flags.some((flag) => flag.code === 'suppressed_small_count');
  return (
    <section className="explanation">
      <h4>{title}</h4>
      <dl className="facts facts--compact">
        <DefinitionFacts definition={definition} />
        <dt>Calcul</dt>
        <dd>{indicator.provenance.formulaText === '' ? '—' : indicator.provenance.formulaText}</dd>
        <dt>Résultat</dt>
        <dd>{missing === null ? indicatorValueText(indicator) : missingValueSentence(missing)}</dd>
        {indicator.target !== undefined && (
          <>
            <dt>Cible</dt>
            <dd>{indicator.target.label}</dd>
          </>
        )}
        {(period !== null || indicator.provenance.basis !== null) && (
          <>
            <dt>Période</dt>
            <dd>
              {[indicator.provenance.basis === null ? null : basisLabel(indicator.provenance.basis), period]
                .filter((part) => part !== null)
                .join(', ')}
            </dd>
          </>
        )}
        <SourceFact definition={definition} />
      </dl>
      {indicator.provenance.inputs.length > 0 && (
        <div className="table-wrapper" tabIndex={0}>
          <table className="data-table data-table--compact">
            <caption>Données utilisées : {title}</caption>
            <thead>
              <tr>
                <th scope="col">Donnée</th>
                <th scope="col" className="num">
                  Valeur
                </th>
                <th scope="col" className="num">
                  Année
                </th>
              </tr>
            </thead>
            <tbody>
              {indicator.provenance.inputs.map((input, index) => (
                <tr key={`${input.kind}-${input.ref}-${input.year ?? ''}-${index}`}>
                  <th scope="row" className="row-header">
                    {capitalise(input.label)}
                  </th>
                  <td className="num">
                    {input.value !== null
                      ? formatIndicatorValue(input.value, input.unit)
                      : masksInputs
                        ? 'Masqué (petits effectifs)'
                        : 'Non renseigné'}
                  </td>
                  <td className="num">{input.year ?? indicator.year ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notes.length > 0 && (
        <>
          <p className="explanation__remarks-title">Remarques</p>
          <ul className="explanation__remarks">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * « Comment c'est calculé »: a `<details>` whose body is only rendered once opened — the page
 * stays light, and figures hidden in a closed panel are not found by a text search (find in
 * page, tests) before the visible ones.
 */
function Disclosure({ children }: { children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="how-computed" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Comment c'est calculé</summary>
      {open && <div className="how-computed__body">{children()}</div>}
    </details>
  );
}

interface HowComputedProps {
  /** The values explained (one section each). */
  indicators: readonly IndicatorValue[];
  catalogue: IndicatorCatalogue;
}

/**
 * « Comment c'est calculé » (a disclosure): for each value, the definition and formula of the
 * catalogue, the computation with its numbers (`provenance.formulaText`), the inputs (label,
 * value in its unit, year), the flags and the reason of a missing value.
 */
export function HowComputed({ indicators, catalogue }: HowComputedProps) {
  if (indicators.length === 0) {
    return null;
  }
  return (
    <Disclosure>
      {() =>
        indicators.map((indicator) => (
          <Explanation
            key={`${indicator.code}-${indicator.programmeCode ?? ''}-${indicator.year ?? ''}`}
            indicator={indicator}
            definition={catalogue.get(indicator.code)}
          />
        ))
      }
    </Disclosure>
  );
}

interface HowComputedAcrossProps {
  definition: IndicatorDefinition | undefined;
  /** Each value with the name of its row (« EMAS, 2022 »). */
  values: readonly { name: string; indicator: ComparedIndicator }[];
  caption: string;
}

/**
 * « Comment c'est calculé » for one indicator across programmes and years (comparison): the
 * definition once, then one row per value with its computation and remarks.
 */
export function HowComputedAcross({ definition, values, caption }: HowComputedAcrossProps) {
  return (
    <Disclosure>
      {() => (
        <>
          <dl className="facts facts--compact">
            <DefinitionFacts definition={definition} />
            {definition?.target !== undefined && (
              <>
                <dt>Cible</dt>
                <dd>{definition.target.label}</dd>
              </>
            )}
            <SourceFact definition={definition} />
          </dl>
          <div className="table-wrapper" tabIndex={0}>
            <table className="data-table data-table--compact">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Dispositif et année</th>
                  <th scope="col" className="num">
                    Valeur
                  </th>
                  <th scope="col">Calcul</th>
                  <th scope="col">Remarques</th>
                </tr>
              </thead>
              <tbody>
                {values.map(({ name, indicator }) => (
                  <tr key={name}>
                    <th scope="row" className="row-header">
                      {name}
                    </th>
                    <td className="num">{indicatorValueText(indicator)}</td>
                    <td>{indicator.provenance.formulaText}</td>
                    <td>
                      {[missingValue(indicator)?.reason ?? null, ...remarks(indicator)]
                        .filter((text): text is string => text !== null)
                        .join(' ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Disclosure>
  );
}
