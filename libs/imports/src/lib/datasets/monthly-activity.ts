import { dateFromIso, daysInMonth, frenchMonth } from '../dates';
import type { MonthlyActivityRow } from '../types';
import { column, num, str, type BuildContext, type BuildResult, type CellValue, type ColumnDef, type DatasetDef, type RowProblem } from './dataset-def';

const COUNT_MAX = 10_000_000;

const count = (key: string, header: string, aliases: string[], help: string, example: string): ColumnDef =>
  column({ key, header, aliases, type: 'integer', required: false, max: COUNT_MAX, help, example, width: 20 });

const columns: ColumnDef[] = [
  column({
    key: 'month',
    header: 'Mois',
    aliases: ['Mois concerné', 'Période'],
    type: 'month',
    required: true,
    help: "Mois de l'année importée : 03/2023, mars 2023, 2023-03, une date du mois ou simplement le numéro du mois (3). Une ligne par mois.",
    example: '03/2023',
    width: 14,
  }),
  count('openingDays', "Jours d'ouverture", ["Nombre de jours d'ouverture", 'Jours ouverts'], "Nombre de jours d'ouverture de l'accueil de jour dans le mois (vide si le dispositif n'a pas d'accueil de jour).", '26'),
  count('attendanceVisits', 'Passages accueil de jour', ['Passages', "Nombre de passages", 'Fréquentation accueil de jour'], "Nombre de passages (visites) à l'accueil de jour dans le mois.", '1 240'),
  count(
    'attendanceDistinctPeople',
    'Personnes distinctes accueil de jour',
    ['Personnes distinctes', 'Personnes différentes accueil de jour'],
    "Nombre de personnes différentes venues à l'accueil de jour dans le mois (au plus le nombre de passages).",
    '310',
  ),
  count('outreachContacts', 'Contacts maraude', ['Contacts maraudes', 'Contacts en maraude', 'Rencontres maraude'], 'Nombre de contacts (rencontres) pendant les maraudes du mois.', '180'),
  count(
    'outreachDistinctPeople',
    'Personnes distinctes maraude',
    ['Personnes distinctes maraudes', 'Personnes différentes maraude'],
    'Nombre de personnes différentes rencontrées en maraude dans le mois (au plus le nombre de contacts).',
    '95',
  ),
  count('waitingListEnd', "Liste d'attente fin de mois", ["Liste d'attente", "Personnes en liste d'attente"], "Nombre de personnes en liste d'attente le dernier jour du mois.", '12'),
];

function build(values: ReadonlyMap<string, CellValue>, ctx: BuildContext): BuildResult<MonthlyActivityRow> {
  const problems: RowProblem[] = [];
  const month = str(values, 'month') ?? '';
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  if (year !== ctx.year) {
    problems.push({ key: 'month', message: `Le mois (${frenchMonth(month)}) n'appartient pas à l'année importée (${ctx.year}).` });
  }
  const openingDays = num(values, 'openingDays');
  if (openingDays !== null && openingDays > daysInMonth(year, monthNumber)) {
    problems.push({ key: 'openingDays', message: `${openingDays} jours d'ouverture : le mois de ${frenchMonth(month)} n'en compte que ${daysInMonth(year, monthNumber)}.` });
  }
  const visits = num(values, 'attendanceVisits');
  const people = num(values, 'attendanceDistinctPeople');
  if (visits !== null && people !== null && people > visits) {
    problems.push({ key: 'attendanceDistinctPeople', message: `Plus de personnes distinctes (${people}) que de passages (${visits}) à l'accueil de jour.` });
  }
  const contacts = num(values, 'outreachContacts');
  const met = num(values, 'outreachDistinctPeople');
  if (contacts !== null && met !== null && met > contacts) {
    problems.push({ key: 'outreachDistinctPeople', message: `Plus de personnes distinctes (${met}) que de contacts (${contacts}) en maraude.` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: {
      month,
      openingDays,
      attendanceVisits: visits,
      attendanceDistinctPeople: people,
      outreachContacts: contacts,
      outreachDistinctPeople: met,
      waitingListEnd: num(values, 'waitingListEnd'),
    },
  };
}

export const monthlyActivityDataset: DatasetDef<'monthly_activity'> = {
  spec: {
    key: 'monthly_activity',
    title: 'Activité mensuelle',
    sheetName: 'Activité mensuelle',
    description:
      "L'activité de chaque mois de l'année : jours d'ouverture et fréquentation de l'accueil de jour, contacts de maraude, liste d'attente en fin de mois. Une ligne par mois ; laissez vide ce qui ne concerne pas le dispositif.",
    naturalKey: 'mois',
    columns,
    examples: [
      {
        month: '01/2023',
        openingDays: '25',
        attendanceVisits: '1 240',
        attendanceDistinctPeople: '310',
        outreachContacts: '180',
        outreachDistinctPeople: '95',
        waitingListEnd: '12',
      },
      {
        month: 'février 2023',
        openingDays: '23',
        attendanceVisits: '1 105',
        attendanceDistinctPeople: '288',
        outreachContacts: '',
        outreachDistinctPeople: '',
        waitingListEnd: '9',
      },
    ],
  },
  columns,
  build,
  naturalKey: (row) => row.month,
  keyColumn: () => 'month',
  describeKey: (row) => `le mois de ${frenchMonth(row.month)}`,
  canonical: (row) => [
    row.month,
    row.openingDays,
    row.attendanceVisits,
    row.attendanceDistinctPeople,
    row.outreachContacts,
    row.outreachDistinctPeople,
    row.waitingListEnd,
  ],
  toCells: (row) => ({
    month: dateFromIso(row.month),
    openingDays: row.openingDays,
    attendanceVisits: row.attendanceVisits,
    attendanceDistinctPeople: row.attendanceDistinctPeople,
    outreachContacts: row.outreachContacts,
    outreachDistinctPeople: row.outreachDistinctPeople,
    waitingListEnd: row.waitingListEnd,
  }),
};
