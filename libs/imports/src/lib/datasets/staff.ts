import { JOB_TITLES } from '@sdat/reference-data';
import { buildLookup } from '../values';
import type { StaffRow } from '../types';
import { column, fixed2, labelOfCode, num, str, type BuildResult, type CellValue, type ColumnDef, type DatasetDef } from './dataset-def';

const columns: ColumnDef[] = [
  column({
    key: 'jobCode',
    header: 'Code métier',
    aliases: ['Métier', 'Qualification', 'Fonction', 'Code qualification'],
    type: 'code',
    required: true,
    codes: JOB_TITLES,
    lookup: buildLookup(JOB_TITLES),
    help: 'Métier ou qualification (liste) : son libellé ou son code. « Autre fonction » demande un libellé précis.',
    example: 'Travailleur social / intervenant social',
    width: 44,
  }),
  column({
    key: 'jobTitle',
    header: 'Libellé',
    aliases: ['Intitulé du poste', 'Libellé du poste'],
    type: 'text',
    required: false,
    help: 'Intitulé du poste tel que vous le nommez (facultatif ; vide : le libellé du métier). Jamais le nom d’une personne.',
    example: 'Éducateur spécialisé',
    width: 36,
  }),
  column({
    key: 'fte',
    header: 'ETP',
    aliases: ['Équivalent temps plein', 'ETP réalisés', 'Nombre d’ETP', 'ETP réels'],
    type: 'decimal',
    required: true,
    max: 999,
    help: 'Équivalents temps plein sur l’année, 2 décimales au plus (virgule ou point) : 0,5 ; 1,25 ; 9.',
    example: '2,5',
    width: 10,
  }),
  column({
    key: 'posts',
    header: 'Nombre de postes',
    aliases: ['Postes', 'Nombre de salariés'],
    type: 'integer',
    required: false,
    max: 9999,
    help: 'Nombre de postes (personnes) correspondant, facultatif : un nombre de postes n’est pas un nombre d’ETP.',
    example: '3',
    width: 18,
  }),
];

function build(values: ReadonlyMap<string, CellValue>): BuildResult<StaffRow> {
  const jobCode = str(values, 'jobCode') ?? '';
  const jobTitle = str(values, 'jobTitle');
  if (jobCode === 'other' && jobTitle === null) {
    return { ok: false, problems: [{ key: 'jobTitle', message: '« Autre fonction » : précisez l’intitulé du poste dans le libellé.' }] };
  }
  return {
    ok: true,
    row: {
      jobCode,
      jobTitle: jobTitle ?? labelOfCode(JOB_TITLES, jobCode) ?? jobCode,
      fte: num(values, 'fte') ?? 0,
      posts: num(values, 'posts'),
    },
  };
}

export const staffDataset: DatasetDef<'staff'> = {
  spec: {
    key: 'staff',
    title: 'Personnel (ETP)',
    sheetName: 'Personnel ETP',
    description:
      "Les équivalents temps plein (ETP) effectivement mobilisés sur le dispositif pendant l'année, une ligne par métier. Aucune donnée nominative : on compte des postes, pas des personnes nommées.",
    naturalKey: 'code métier',
    columns,
    examples: [
      { jobCode: 'Chef de service', jobTitle: '', fte: '1', posts: '1' },
      { jobCode: 'Travailleur social / intervenant social', jobTitle: 'Éducateur spécialisé', fte: '2,5', posts: '3' },
    ],
  },
  columns,
  build: (values) => build(values),
  naturalKey: (row) => row.jobCode,
  keyColumn: () => 'jobCode',
  describeKey: (row) => `le métier « ${labelOfCode(JOB_TITLES, row.jobCode) ?? row.jobCode} »`,
  canonical: (row) => [row.jobCode, row.jobTitle, fixed2(row.fte), row.posts],
  toCells: (row) => ({
    jobCode: labelOfCode(JOB_TITLES, row.jobCode),
    jobTitle: row.jobTitle,
    fte: row.fte,
    posts: row.posts,
  }),
};
