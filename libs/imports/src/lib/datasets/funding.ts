import { normaliseKey } from '../normalise';
import { buildLookup } from '../values';
import type { FundingRow } from '../types';
import {
  YES_NO,
  bool,
  column,
  euros,
  labelOfCode,
  num,
  str,
  type BuildResult,
  type CellValue,
  type ColumnDef,
  type DatasetDef,
  type RowProblem,
} from './dataset-def';
import { FUNDER_ALIASES, FUNDERS } from './reference-lists';

const columns: ColumnDef[] = [
  column({
    key: 'funderCode',
    header: 'Financeur',
    aliases: ['Code financeur', 'Nom du financeur', 'Organisme financeur'],
    type: 'code',
    required: true,
    codes: FUNDERS,
    lookup: buildLookup(FUNDERS, FUNDER_ALIASES),
    help: 'Financeur (liste des organisations de référence) : son nom ou son code (etat, dijon-metropole, ville-dijon…).',
    example: 'Ville de Dijon',
    width: 32,
  }),
  column({
    key: 'label',
    header: 'Libellé',
    aliases: ['Intitulé', 'Libellé du financement', 'Ligne de crédit'],
    type: 'text',
    required: false,
    help: 'Précision sur le financement (ligne de crédit, objet), p. ex. « État crédits BOP 177 ». Vide : le nom du financeur. Deux lignes d’un même financeur doivent avoir des libellés différents.',
    example: 'État crédits BOP 177',
    width: 40,
  }),
  column({
    key: 'amountCents',
    header: 'Montant reçu (€)',
    aliases: ['Montant', 'Montant (€)', 'Montant reçu', 'Montant en euros'],
    type: 'amount',
    required: true,
    help: 'Montant effectivement reçu pour l’année, en euros, 2 décimales au plus : 382 474 ; 1 234,56.',
    example: '382 474',
    width: 18,
  }),
  column({
    key: 'earmarkCents',
    header: 'Dont part fléchée (€)',
    aliases: ['Dont part fléchée', 'Part fléchée (€)', 'Part fléchée', 'Dont'],
    type: 'amount',
    required: false,
    help: 'Part du montant réservée à un objet précis (« dont primes Ségur : 43 483 € »), incluse dans le montant reçu. Vide s’il n’y en a pas.',
    example: '43 483',
    width: 18,
  }),
  column({
    key: 'earmarkLabel',
    header: 'Libellé de la part fléchée',
    aliases: ['Objet de la part fléchée', 'Libellé part fléchée'],
    type: 'text',
    required: false,
    help: 'Objet de la part fléchée, p. ex. « Primes Ségur » ou « Renfort maraudes ». Obligatoire quand une part fléchée est saisie.',
    example: 'Primes Ségur',
    width: 30,
  }),
  column({
    key: 'funderIsSignatory',
    header: 'Signataire',
    aliases: ['Signataire de la convention', 'Financeur signataire'],
    type: 'boolean',
    required: true,
    codes: YES_NO,
    help: 'Oui si le financeur a signé la convention du dispositif, Non sinon.',
    example: 'Oui',
    width: 12,
  }),
];

function earmarkKind(label: string): 'segur' | 'other' {
  return /s[eé]gur|m[eé]dico[\s-]*social/i.test(label) ? 'segur' : 'other';
}

function build(values: ReadonlyMap<string, CellValue>): BuildResult<FundingRow> {
  const problems: RowProblem[] = [];
  const funderCode = str(values, 'funderCode') ?? '';
  const amountCents = num(values, 'amountCents') ?? 0;
  const earmarkCents = num(values, 'earmarkCents');
  const earmarkLabel = str(values, 'earmarkLabel');
  if (earmarkCents !== null && earmarkLabel === null) {
    problems.push({ key: 'earmarkLabel', message: 'Précisez l’objet de la part fléchée (p. ex. « Primes Ségur »).' });
  }
  if (earmarkCents === null && earmarkLabel !== null) {
    problems.push({ key: 'earmarkCents', message: 'Un objet de part fléchée est saisi sans son montant.' });
  }
  if (earmarkCents !== null && earmarkCents > amountCents) {
    problems.push({ key: 'earmarkCents', message: 'La part fléchée ne peut pas dépasser le montant reçu, dont elle fait partie.' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: {
      funderCode,
      label: str(values, 'label') ?? labelOfCode(FUNDERS, funderCode) ?? funderCode,
      amountCents,
      funderIsSignatory: bool(values, 'funderIsSignatory') ?? false,
      earmark:
        earmarkCents !== null && earmarkLabel !== null
          ? { kind: earmarkKind(earmarkLabel), label: earmarkLabel, amountCents: earmarkCents }
          : null,
    },
  };
}

export const fundingDataset: DatasetDef<'funding'> = {
  spec: {
    key: 'funding',
    title: 'Financements reçus',
    sheetName: 'Financements reçus',
    description:
      "Les financements effectivement reçus pour l'année, une ligne par financeur (ou par ligne de crédit d'un même financeur), avec la part fléchée éventuelle (« dont primes Ségur »).",
    naturalKey: 'financeur et libellé',
    columns,
    examples: [
      { funderCode: 'Ville de Dijon', label: '', amountCents: '382 474', earmarkCents: '', earmarkLabel: '', funderIsSignatory: 'Oui' },
      {
        funderCode: 'État',
        label: 'État crédits BOP 177',
        amountCents: '292 807',
        earmarkCents: '43 483',
        earmarkLabel: 'Primes Ségur',
        funderIsSignatory: 'Oui',
      },
    ],
  },
  columns,
  build: (values) => build(values),
  naturalKey: (row) => `${row.funderCode}:${normaliseKey(row.label)}`,
  keyColumn: () => 'funderCode',
  describeKey: (row) => `le financeur ${labelOfCode(FUNDERS, row.funderCode) ?? row.funderCode} avec le libellé « ${row.label} »`,
  canonical: (row) => [
    row.funderCode,
    row.label,
    row.amountCents,
    row.funderIsSignatory,
    row.earmark?.kind ?? null,
    row.earmark?.label ?? null,
    row.earmark?.amountCents ?? null,
  ],
  toCells: (row) => ({
    funderCode: labelOfCode(FUNDERS, row.funderCode),
    label: row.label,
    amountCents: euros(row.amountCents),
    earmarkCents: row.earmark === null ? null : euros(row.earmark.amountCents),
    earmarkLabel: row.earmark?.label ?? null,
    funderIsSignatory: row.funderIsSignatory ? 'Oui' : 'Non',
  }),
};
