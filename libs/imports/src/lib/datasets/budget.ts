import { normaliseKey } from '../normalise';
import { buildLookup } from '../values';
import type { BudgetRow } from '../types';
import {
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
import {
  BUDGET_GROUP_ALIASES,
  BUDGET_GROUP_CODES,
  FUNDER_ALIASES,
  FUNDERS,
  budgetGroup,
  groupOfAccount,
} from './reference-lists';

const columns: ColumnDef[] = [
  column({
    key: 'accountCode',
    header: 'Compte',
    aliases: ['N° de compte', 'Numéro de compte', 'Code compte', 'Compte comptable', 'Code'],
    type: 'account',
    required: false,
    help: "Numéro du compte (plan comptable, classe 6 pour les charges, 7 pour les produits), p. ex. 606120. Le groupe (60, 61… 74) en est déduit. Laisser vide seulement pour une ligne sans compte : le groupe est alors obligatoire.",
    example: '606120',
    width: 12,
  }),
  column({
    key: 'label',
    header: 'Libellé',
    aliases: ['Intitulé', 'Libellé du compte', 'Désignation'],
    type: 'text',
    required: true,
    help: 'Libellé de la ligne, tel que dans votre compte administratif (500 caractères au plus).',
    example: 'Eau, électricité, chauffage',
    width: 48,
  }),
  column({
    key: 'amountCents',
    header: 'Montant (€)',
    aliases: ['Montant', 'Montant en euros', 'Réalisé', 'Montant réalisé', 'Réalisé (€)'],
    type: 'amount',
    required: true,
    allowNegative: true,
    help: 'Montant réalisé en euros, avec au plus 2 décimales (virgule ou point) : 18 782 ; 3 960,00 ; 1 234,56. Un montant négatif (régularisation) est accepté.',
    example: '18 782,50',
    width: 16,
  }),
  column({
    key: 'groupCode',
    header: 'Groupe',
    aliases: ['Groupe de comptes', 'Code groupe', 'Chapitre'],
    type: 'code',
    required: false,
    codes: BUDGET_GROUP_CODES,
    lookup: buildLookup(BUDGET_GROUP_CODES, BUDGET_GROUP_ALIASES),
    help: 'Groupe de comptes (liste). Facultatif quand le compte est renseigné (il en est déduit ; s’il est saisi, il doit lui correspondre) ; obligatoire pour une ligne sans compte, p. ex. « 63/64 – Charges de personnel » donné en un seul montant.',
    example: '60 – Achats',
    width: 40,
  }),
  column({
    key: 'funderCode',
    header: 'Financeur',
    aliases: ['Financeur (produits)', 'Code financeur'],
    type: 'code',
    required: false,
    codes: FUNDERS,
    lookup: buildLookup(FUNDERS, FUNDER_ALIASES),
    help: 'Produits seulement (classe 7) : financeur dont vient la subvention (liste). À laisser vide pour une charge ou un produit propre.',
    example: 'Ville de Dijon',
    width: 30,
  }),
];

function build(values: ReadonlyMap<string, CellValue>): BuildResult<BudgetRow> {
  const problems: RowProblem[] = [];
  const accountCode = str(values, 'accountCode');
  const givenGroup = str(values, 'groupCode');
  let group = givenGroup === null ? null : budgetGroup(givenGroup);
  if (accountCode !== null) {
    const derived = groupOfAccount(accountCode);
    if (derived === null) {
      problems.push({ key: 'accountCode', message: `Le compte ${accountCode} ne relève d'aucun groupe connu (60 à 79).` });
    } else if (group !== null && group.code !== derived.code) {
      problems.push({
        key: 'groupCode',
        message: `Le compte ${accountCode} relève du groupe ${derived.code} (${derived.label}), pas du groupe ${group.code} : corrigez le compte ou le groupe (ou videz le groupe, il est déduit du compte).`,
      });
    }
    group = derived;
  } else if (group === null) {
    problems.push({ key: 'accountCode', message: 'Renseignez le numéro de compte ou, pour une ligne sans compte, le groupe.' });
  }
  const funderCode = str(values, 'funderCode');
  if (group !== null && group.side === 'expenses' && funderCode !== null) {
    problems.push({ key: 'funderCode', message: 'Un financeur ne se renseigne que sur une ligne de produits (classe 7), pas sur une charge.' });
  }
  if (problems.length > 0 || group === null) return { ok: false, problems };
  return {
    ok: true,
    row: {
      side: group.side,
      groupCode: group.code,
      groupLabel: group.label,
      accountCode,
      label: str(values, 'label') ?? '',
      amountCents: num(values, 'amountCents') ?? 0,
      funderCode,
    },
  };
}

export const budgetDataset: DatasetDef<'budget'> = {
  spec: {
    key: 'budget',
    title: 'Budget réalisé',
    sheetName: 'Budget réalisé',
    description:
      "Les lignes du budget réalisé (compte administratif) du dispositif pour l'année : une ligne par compte, charges (classe 6) et produits (classe 7). Les sous-totaux par groupe et les totaux sont calculés par la plateforme : ne les saisissez pas.",
    naturalKey: 'compte (ou, pour une ligne sans compte, par groupe et libellé)',
    columns,
    examples: [
      { accountCode: '606120', label: 'Eau, électricité, chauffage', amountCents: '4 230,18', groupCode: '', funderCode: '' },
      { accountCode: '', label: 'Charges de personnel (sans détail)', amountCents: '489 174', groupCode: '63/64 – Charges de personnel', funderCode: '' },
      { accountCode: '741000', label: 'Subvention Ville de Dijon', amountCents: '382 474', groupCode: '', funderCode: 'Ville de Dijon' },
    ],
  },
  columns,
  build: (values) => build(values),
  naturalKey: (row) => (row.accountCode !== null ? `compte:${row.accountCode}` : `groupe:${row.groupCode}:${normaliseKey(row.label)}`),
  keyColumn: (row) => (row.accountCode !== null ? 'accountCode' : 'label'),
  describeKey: (row) =>
    row.accountCode !== null ? `le compte ${row.accountCode}` : `la ligne sans compte « ${row.label} » du groupe ${row.groupCode}`,
  canonical: (row) => [row.side, row.groupCode, row.accountCode, row.label, row.amountCents, row.funderCode],
  toCells: (row) => ({
    accountCode: row.accountCode,
    label: row.label,
    amountCents: euros(row.amountCents),
    groupCode: labelOfCode(BUDGET_GROUP_CODES, row.groupCode),
    funderCode: labelOfCode(FUNDERS, row.funderCode),
  }),
};
