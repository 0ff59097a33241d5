/**
 * XLSX templates and exports. Both share one layout, so that an export re-imports as is:
 *
 * 1. the data sheet (named after the dataset): French headers in row 1 (a note on each explains it),
 *    data from row 2, drop-down lists on coded columns;
 * 2. « Mode d'emploi »: the dataset, the rules, and one line per column (required, format, values, help, example);
 * 3. « Exemples »: filled example rows — never imported (the parser reads only the data sheet);
 * 4. « Listes » (hidden): the values of the drop-down lists (French labels).
 *
 * The workbook's keywords carry the dataset, programme and year, so a template used for another
 * dataset or year is recognised at import.
 */
import ExcelJS from 'exceljs';
import { referenceData } from '@sdat/reference-data';
import { DATASET_DEFS, examplesFor, isDatasetKey } from './datasets';
import type { ColumnDef, DatasetDef, ExportCell } from './datasets/dataset-def';
import { ImportRejectedError } from './errors';
import { columnLetter } from './normalise';
import { formatMetadata } from './raw-table';
import { EXAMPLES_SHEET, GUIDE_SHEET, LISTS_SHEET } from './read-xlsx';
import type { ColumnType, DatasetKey, TemplateOptions, TypedRowByDataset } from './types';

/** Rows of the data sheet that get the drop-down lists (beyond the exported rows). */
const VALIDATED_ROWS = 2_000;

const NUMBER_FORMATS: Record<ColumnType, string> = {
  text: '@',
  code: '@',
  account: '@',
  identifier: '@',
  pseudonym: '@',
  amount: '#,##0.00',
  decimal: '0.00',
  integer: '0',
  date: 'dd/mm/yyyy',
  month: 'mm/yyyy',
  boolean: '@',
};

const FORMAT_LABELS: Record<ColumnType, string> = {
  text: 'Texte (500 caractères au plus)',
  code: 'Valeur de la liste déroulante (code ou libellé)',
  account: 'Numéro de compte (chiffres, classe 6 ou 7)',
  identifier: 'Texte (identifiant interne, pseudonymisé à l’import)',
  pseudonym: '64 caractères hexadécimaux (fichiers exportés)',
  amount: 'Montant en euros, 2 décimales au plus (1 234,56)',
  decimal: 'Nombre décimal, 2 décimales au plus (0,5)',
  integer: 'Nombre entier positif',
  date: 'Date jj/mm/aaaa (ou aaaa-mm-jj)',
  month: 'Mois (03/2023, mars 2023, 2023-03 ou 3)',
  boolean: 'Oui ou Non',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB8CCE4' } };

function programmeName(code: string): string {
  return referenceData.programmes.find((p) => p.code === code)?.name ?? code;
}

function checkOptions(dataset: unknown, options: TemplateOptions): asserts dataset is DatasetKey {
  if (!isDatasetKey(dataset)) throw new ImportRejectedError('invalid_request', 400, `Type d'import inconnu : « ${String(dataset)} ».`);
  if (!Number.isInteger(options.year) || options.year < 1990 || options.year > 2199) {
    throw new ImportRejectedError('invalid_request', 400, `Année invalide : « ${String(options.year)} ».`);
  }
  if (typeof options.programmeCode !== 'string' || !/^[a-z0-9-]{1,64}$/.test(options.programmeCode)) {
    throw new ImportRejectedError('invalid_request', 400, `Code de dispositif invalide : « ${String(options.programmeCode)} ».`);
  }
}

function writeHeader(sheet: ExcelJS.Worksheet, columns: readonly ColumnDef[], withNotes: boolean): void {
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: NUMBER_FORMATS[c.type] } }));
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    cell.numFmt = '@';
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (withNotes) cell.note = `${c.required ? 'Obligatoire. ' : 'Facultatif. '}${c.help}`;
  });
  header.height = 30;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** « Listes » sheet: one column per coded column; returns the list range of each column key. */
function writeLists(workbook: ExcelJS.Workbook, columns: readonly ColumnDef[]): Map<string, string> {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  let col = 0;
  for (const c of columns) {
    if (c.codes === undefined || c.codes.length === 0) continue;
    col++;
    const letter = columnLetter(col);
    sheet.getCell(`${letter}1`).value = c.header;
    c.codes.forEach((item, i) => {
      sheet.getCell(`${letter}${i + 2}`).value = item.label;
    });
    sheet.getColumn(col).width = Math.max(20, ...c.codes.map((i) => i.label.length + 2));
    ranges.set(c.key, `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${c.codes.length + 1}`);
  }
  return ranges;
}

interface RangeValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function addDropDowns(sheet: ExcelJS.Worksheet, columns: readonly ColumnDef[], ranges: ReadonlyMap<string, string>, lastRow: number): void {
  columns.forEach((c, i) => {
    const range = ranges.get(c.key);
    if (range === undefined) return;
    const letter = columnLetter(i + 1);
    // exceljs supports range validations (`A2:A2001`) but its typings only declare cell-by-cell ones.
    (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Valeur hors liste',
      error: "Cette valeur n'est pas dans la liste : elle sera refusée à l'import si ce n'est ni un code ni un libellé de la liste.",
    });
  });
}

function writeGuide(workbook: ExcelJS.Workbook, def: DatasetDef<DatasetKey>, options: TemplateOptions): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  const { spec, columns } = def;
  sheet.columns = [
    { key: 'a', width: 30 },
    { key: 'b', width: 13 },
    { key: 'c', width: 34 },
    { key: 'd', width: 48 },
    { key: 'e', width: 70 },
    { key: 'f', width: 26 },
  ];
  const lines: string[] = [
    `Saisissez les données dans la feuille « ${spec.sheetName} », à partir de la ligne 2, sous la ligne d'en-tête. Ne renommez pas les en-têtes ; l'ordre des colonnes est libre et une colonne facultative peut être supprimée.`,
    'Colonnes à fond foncé : obligatoires. Un commentaire sur chaque en-tête rappelle ce qu’il faut saisir.',
    `La feuille « ${EXAMPLES_SHEET} » montre des lignes remplies : elle n'est jamais importée.`,
    'Colonnes à liste déroulante : choisissez une valeur ; le code ou le libellé de la liste est accepté.',
    'Montants en euros avec 2 décimales au plus (virgule ou point) ; dates au format jj/mm/aaaa.',
    'Uniquement des valeurs : pas de formule (copiez puis « Collage spécial › Valeurs ») ; un texte ne peut pas commencer par =, +, - ou @.',
    `Une seule ligne par ${spec.naturalKey} : les doublons sont refusés.`,
    'Données personnelles (RGPD, recommandations de la CNIL) : jamais de nom, prénom, date de naissance, NIR, adresse, téléphone ni courriel. Un fichier qui en contient une colonne est refusé en entier.',
    'Tout le fichier est vérifié avant l’import : chaque erreur est signalée avec sa ligne et sa colonne, et rien n’est importé tant qu’il en reste.',
    'Le même contenu peut être importé en CSV UTF-8 (séparateur « ; » ou « , »), avec les mêmes en-têtes.',
  ];
  sheet.addRow([`Modèle d'import — ${spec.title}`]).font = { bold: true, size: 14 };
  sheet.addRow([`Dispositif : ${programmeName(options.programmeCode)} (${options.programmeCode}) — année ${options.year}`]).font = { bold: true };
  const description = sheet.addRow([spec.description]);
  sheet.mergeCells(description.number, 1, description.number, 6);
  description.alignment = { wrapText: true, vertical: 'top' };
  description.height = 45;
  sheet.addRow([]);
  for (const line of lines) {
    const row = sheet.addRow([`• ${line}`]);
    sheet.mergeCells(row.number, 1, row.number, 6);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  }
  sheet.addRow([]);
  const head = sheet.addRow(['Colonne', 'Obligatoire', 'Format', 'Valeurs acceptées', 'Explication', 'Exemple']);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const c of columns) {
    const values = c.codes === undefined ? '' : c.codes.map((item) => item.label).join(' ; ');
    const row = sheet.addRow([c.header, c.required ? 'Oui' : 'Non', FORMAT_LABELS[c.type], values, c.help, c.example.replace(/2023/g, String(options.year))]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
}

function writeExamples(workbook: ExcelJS.Workbook, def: DatasetDef<DatasetKey>, year: number): void {
  const sheet = workbook.addWorksheet(EXAMPLES_SHEET, { properties: { tabColor: { argb: 'FFF4B183' } } });
  writeHeader(sheet, def.columns, false);
  for (const example of examplesFor(def.spec.key, year)) {
    sheet.addRow(def.columns.map((c) => example[c.key] ?? ''));
  }
  sheet.getCell('A1').note = `Exemples seulement : cette feuille n'est jamais importée. Saisissez vos données dans la feuille « ${def.spec.sheetName} ».`;
}

async function buildWorkbook<D extends DatasetKey>(
  dataset: D,
  options: TemplateOptions,
  rows: readonly TypedRowByDataset[D][],
): Promise<Buffer> {
  const def = DATASET_DEFS[dataset] as unknown as DatasetDef<D>;
  const anyDef = def as unknown as DatasetDef<DatasetKey>;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Indicateurs des conventions — SDAT';
  workbook.title = `${def.spec.title} ${options.year} — ${programmeName(options.programmeCode)}`;
  workbook.subject = `Modèle d'import : ${def.spec.title}`;
  workbook.keywords = formatMetadata(dataset, options.programmeCode, options.year);
  workbook.created = new Date(Date.UTC(options.year, 0, 1));
  workbook.modified = workbook.created;

  const data = workbook.addWorksheet(def.spec.sheetName);
  writeHeader(data, def.columns, true);
  for (const row of rows) {
    const cells = def.toCells(row);
    data.addRow(def.columns.map((c): ExportCell => cells[c.key] ?? null));
  }
  writeGuide(workbook, anyDef, options);
  writeExamples(workbook, anyDef, options.year);
  const ranges = writeLists(workbook, def.columns);
  addDropDowns(data, def.columns, ranges, rows.length + 1 + VALIDATED_ROWS);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/** Empty XLSX template of a dataset for a programme-year (see the layout above). */
export async function buildTemplate(dataset: DatasetKey, options: TemplateOptions): Promise<Buffer> {
  checkOptions(dataset, options);
  return buildWorkbook(dataset, options, []);
}

/**
 * XLSX of rows in the template's exact layout, so that it re-imports to the same rows. Episodes carry
 * their pseudonymous key in « Clé pseudonyme » (the identifier column stays empty): the original
 * identifier is never needed.
 */
export async function exportDataset<D extends DatasetKey>(
  dataset: D,
  rows: readonly TypedRowByDataset[D][],
  options: TemplateOptions,
): Promise<Buffer> {
  checkOptions(dataset, options);
  return buildWorkbook(dataset, options, rows);
}
