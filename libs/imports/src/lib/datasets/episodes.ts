import {
  AGE_BANDS,
  COMMUNES,
  EPISODE_KINDS,
  HANDOVERS,
  HOUSEHOLD_SITUATIONS,
  REFERRAL_DECISIONS,
  REFERRERS,
} from '@sdat/reference-data';
import { dateFromIso, frenchDate } from '../dates';
import { buildLookup } from '../values';
import type { EpisodeRow } from '../types';
import {
  YES_NO,
  bool,
  column,
  labelOfCode,
  str,
  type BuildContext,
  type BuildResult,
  type CellValue,
  type ColumnDef,
  type DatasetDef,
  type RowProblem,
} from './dataset-def';

/** What `pseudonymise` must return, and what the « Clé pseudonyme » column holds. */
export const PSEUDONYM_PATTERN = /^[0-9a-f]{64}$/;

const columns: ColumnDef[] = [
  column({
    key: 'participantId',
    header: 'Identifiant personne',
    aliases: ['Identifiant', 'Identifiant de la personne', 'Identifiant interne', 'N° de dossier', 'Numéro de dossier', 'ID personne'],
    type: 'identifier',
    required: false,
    help:
      "Identifiant interne de la personne dans votre logiciel de suivi (numéro de dossier). Il est transformé en clé pseudonyme dès l'import et n'est jamais conservé. Jamais de nom, de date de naissance, de NIR, de courriel ni de téléphone. Une même personne garde le même identifiant d'une année à l'autre.",
    example: 'DOS-2023-0042',
    width: 24,
  }),
  column({
    key: 'participantKey',
    header: 'Clé pseudonyme',
    aliases: ['Clé pseudonyme (export)', 'Clé', 'Pseudonyme'],
    type: 'pseudonym',
    required: false,
    help:
      "Ne pas remplir à la main. Clé déjà pseudonymisée (64 caractères hexadécimaux) présente dans les fichiers exportés par la plateforme : une ligne exportée se réimporte sans l'identifiant d'origine. Sur chaque ligne, renseignez soit l'identifiant, soit la clé.",
    example: '',
    width: 24,
  }),
  column({
    key: 'kind',
    header: 'Type',
    aliases: ["Type d'accompagnement", 'Type de suivi', 'Nature'],
    type: 'code',
    required: true,
    codes: EPISODE_KINDS,
    lookup: buildLookup(EPISODE_KINDS, { follow_up: ['suivi', 'accompagnement'], co_evaluation: ['coevaluation', 'co évaluation'] }),
    help: 'Suivi ou Co-évaluation (liste).',
    example: 'Suivi',
    width: 16,
  }),
  column({
    key: 'entryDate',
    header: "Date d'entrée",
    aliases: ['Entrée', "Date d'admission", 'Date de début'],
    type: 'date',
    required: true,
    help: "Date du début de l'accompagnement, jj/mm/aaaa. Un accompagnement commencé avant l'année est accepté s'il est encore en cours pendant l'année et commence dans la période de la convention.",
    example: '15/03/2023',
    width: 14,
  }),
  column({
    key: 'exitDate',
    header: 'Date de sortie',
    aliases: ['Sortie', 'Date de fin'],
    type: 'date',
    required: false,
    help: "Date de fin de l'accompagnement, jj/mm/aaaa ; vide s'il est toujours en cours. Jamais avant la date d'entrée.",
    example: '30/09/2023',
    width: 14,
  }),
  column({
    key: 'ageBand',
    header: "Tranche d'âge",
    aliases: ['Âge', 'Tranche d’âge à l’entrée'],
    type: 'code',
    required: false,
    codes: AGE_BANDS,
    lookup: buildLookup(AGE_BANDS),
    help: "Tranche d'âge à l'entrée (liste) ; jamais la date de naissance.",
    example: '25 à 34 ans',
    width: 16,
  }),
  column({
    key: 'householdSituation',
    header: 'Situation',
    aliases: ['Situation familiale', 'Composition familiale', 'Composition du ménage'],
    type: 'code',
    required: false,
    codes: HOUSEHOLD_SITUATIONS,
    lookup: buildLookup(HOUSEHOLD_SITUATIONS),
    help: 'Composition du ménage à l’entrée (liste).',
    example: 'Personne seule',
    width: 24,
  }),
  column({
    key: 'referrer',
    header: 'Orienteur',
    aliases: ['Prescripteur', 'Orienté par'],
    type: 'code',
    required: false,
    codes: REFERRERS,
    lookup: buildLookup(REFERRERS),
    help: 'Service qui a orienté la personne (liste).',
    example: 'SIAO',
    width: 30,
  }),
  column({
    key: 'referralDecision',
    header: 'Décision',
    aliases: ['Décision de la commission', 'Décision CCA'],
    type: 'code',
    required: false,
    codes: REFERRAL_DECISIONS,
    lookup: buildLookup(REFERRAL_DECISIONS),
    help: 'Décision de la commission de coordination des accompagnements (liste).',
    example: 'Accord',
    width: 28,
  }),
  column({
    key: 'handover',
    header: 'Relais à la sortie',
    aliases: ['Relais', 'Orientation à la sortie'],
    type: 'code',
    required: false,
    codes: HANDOVERS,
    lookup: buildLookup(HANDOVERS),
    help: 'Service qui prend le relais à la fin de l’accompagnement (liste) ; seulement quand la date de sortie est renseignée.',
    example: 'Logement accompagné',
    width: 32,
  }),
  column({
    key: 'leaseTransfer',
    header: 'Glissement de bail',
    aliases: ['Glissement du bail'],
    type: 'boolean',
    required: false,
    codes: YES_NO,
    help: 'Oui si le bail a glissé de l’association à la personne ; vide ou Non sinon.',
    example: 'Non',
    width: 18,
  }),
  column({
    key: 'commune',
    header: 'Commune',
    aliases: ['Commune de résidence', 'Ville'],
    type: 'code',
    required: false,
    codes: COMMUNES,
    lookup: buildLookup(COMMUNES),
    help: 'Commune de la Métropole où la personne est accompagnée (liste) ; jamais l’adresse.',
    example: 'Dijon',
    width: 28,
  }),
];

function build(values: ReadonlyMap<string, CellValue>, ctx: BuildContext): BuildResult<EpisodeRow> {
  const problems: RowProblem[] = [];
  const id = str(values, 'participantId');
  const givenKey = str(values, 'participantKey');
  let participantKey: string | null = null;
  if (id !== null && givenKey !== null) {
    problems.push({
      key: 'participantKey',
      message: 'Renseignez soit l’identifiant de la personne, soit la clé pseudonyme (lignes exportées), pas les deux.',
    });
  } else if (id !== null) {
    participantKey = ctx.pseudonymise(id);
    if (typeof participantKey !== 'string' || !PSEUDONYM_PATTERN.test(participantKey)) {
      throw new TypeError('pseudonymise() must return 64 lowercase hexadecimal characters (e.g. an HMAC-SHA-256 in hex).');
    }
  } else if (givenKey !== null) {
    participantKey = givenKey;
  } else {
    problems.push({ key: 'participantId', message: 'Identifiant de la personne manquant (ou clé pseudonyme pour une ligne exportée).' });
  }

  const entryDate = str(values, 'entryDate') ?? '';
  const exitDate = str(values, 'exitDate');
  const { year, window } = ctx;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (entryDate > yearEnd) {
    problems.push({ key: 'entryDate', message: `La date d'entrée (${frenchDate(entryDate)}) est postérieure à l'année importée (${year}).` });
  } else if (entryDate < window.start) {
    problems.push({
      key: 'entryDate',
      message: ctx.hasAgreementPeriod
        ? `La date d'entrée (${frenchDate(entryDate)}) est antérieure au début de la période de la convention (${frenchDate(window.start)}).`
        : `La date d'entrée (${frenchDate(entryDate)}) est antérieure à l'année importée (${year}) et aucune période de convention n'est connue pour l'accepter.`,
    });
  }
  if (exitDate !== null) {
    if (exitDate < entryDate) {
      problems.push({
        key: 'exitDate',
        message: `La date de sortie (${frenchDate(exitDate)}) est antérieure à la date d'entrée (${frenchDate(entryDate)}).`,
      });
    } else if (exitDate < yearStart) {
      problems.push({
        key: 'exitDate',
        message: `L'accompagnement s'est terminé le ${frenchDate(exitDate)}, avant l'année importée (${year}) : il n'appartient pas à cette année.`,
      });
    } else if (exitDate > window.end) {
      problems.push({
        key: 'exitDate',
        message: ctx.hasAgreementPeriod
          ? `La date de sortie (${frenchDate(exitDate)}) est postérieure à la fin de la période de la convention (${frenchDate(window.end)}).`
          : `La date de sortie (${frenchDate(exitDate)}) est postérieure à l'année importée (${year}).`,
      });
    }
  }
  const handover = str(values, 'handover');
  if (handover !== null && exitDate === null) {
    problems.push({ key: 'handover', message: 'Un relais à la sortie est renseigné alors que la date de sortie est vide.' });
  }
  if (problems.length > 0 || participantKey === null) return { ok: false, problems };
  return {
    ok: true,
    row: {
      participantKey,
      kind: (str(values, 'kind') ?? 'follow_up') as EpisodeRow['kind'],
      entryDate,
      exitDate,
      ageBand: str(values, 'ageBand'),
      householdSituation: str(values, 'householdSituation'),
      referrer: str(values, 'referrer'),
      referralDecision: str(values, 'referralDecision'),
      handover,
      leaseTransfer: bool(values, 'leaseTransfer') ?? false,
      commune: str(values, 'commune'),
    },
  };
}

/** Two stays of one participant may not overlap (open stays run to the end of time). */
function overlaps(rows: readonly EpisodeRow[]): { index: number; key: string; message: string }[] {
  const byParticipant = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const list = byParticipant.get(row.participantKey);
    if (list === undefined) byParticipant.set(row.participantKey, [index]);
    else list.push(index);
  });
  const problems: { index: number; key: string; message: string }[] = [];
  for (const indexes of byParticipant.values()) {
    if (indexes.length < 2) continue;
    const sorted = [...indexes].sort((a, b) => {
      const ea = rows[a]?.entryDate ?? '';
      const eb = rows[b]?.entryDate ?? '';
      return ea < eb ? -1 : ea > eb ? 1 : a - b;
    });
    for (let i = 1; i < sorted.length; i++) {
      const previous = rows[sorted[i - 1] ?? 0];
      const current = rows[sorted[i] ?? 0];
      if (previous === undefined || current === undefined) continue;
      if (previous.exitDate === null || previous.exitDate >= current.entryDate) {
        problems.push({
          index: sorted[i] ?? 0,
          key: 'entryDate',
          message: `Cette personne a déjà un accompagnement ${previous.exitDate === null ? 'en cours' : `jusqu'au ${frenchDate(previous.exitDate)}`} commencé le ${frenchDate(previous.entryDate)} : deux accompagnements d'une même personne ne peuvent pas se chevaucher.`,
        });
      }
    }
  }
  return problems;
}

export const episodesDataset: DatasetDef<'episodes'> = {
  spec: {
    key: 'episodes',
    title: 'Accompagnements',
    sheetName: 'Accompagnements',
    description:
      "Les accompagnements (parcours) des personnes, une ligne par accompagnement : en cours pendant l'année, commencés ou terminés dans l'année. Les personnes sont pseudonymisées : l'identifiant interne de votre logiciel est remplacé par une clé dès l'import et n'est jamais conservé.",
    naturalKey: "personne et date d'entrée",
    columns,
    examples: [
      {
        participantId: 'DOS-2023-0042',
        participantKey: '',
        kind: 'Suivi',
        entryDate: '15/03/2023',
        exitDate: '30/09/2023',
        ageBand: '25 à 34 ans',
        householdSituation: 'Personne seule',
        referrer: 'SIAO',
        referralDecision: 'Accord',
        handover: 'Logement accompagné',
        leaseTransfer: 'Non',
        commune: 'Dijon',
      },
      {
        participantId: 'DOS-2023-0057',
        participantKey: '',
        kind: 'Suivi',
        entryDate: '02/05/2023',
        exitDate: '',
        ageBand: '45 à 54 ans',
        householdSituation: 'Famille monoparentale',
        referrer: 'CCAS de Chenôve',
        referralDecision: "Accord avec liste d'attente",
        handover: '',
        leaseTransfer: '',
        commune: 'Chenôve',
      },
    ],
  },
  columns,
  oneOfColumns: [['participantId', 'participantKey']],
  build,
  naturalKey: (row) => `${row.participantKey}:${row.entryDate}`,
  keyColumn: () => 'entryDate',
  describeKey: (row) => `la même personne avec la même date d'entrée (${frenchDate(row.entryDate)})`,
  canonical: (row) => [
    row.participantKey,
    row.kind,
    row.entryDate,
    row.exitDate,
    row.ageBand,
    row.householdSituation,
    row.referrer,
    row.referralDecision,
    row.handover,
    row.leaseTransfer,
    row.commune,
  ],
  toCells: (row) => ({
    participantId: null,
    participantKey: row.participantKey,
    kind: labelOfCode(EPISODE_KINDS, row.kind),
    entryDate: dateFromIso(row.entryDate),
    exitDate: row.exitDate === null ? null : dateFromIso(row.exitDate),
    ageBand: labelOfCode(AGE_BANDS, row.ageBand),
    householdSituation: labelOfCode(HOUSEHOLD_SITUATIONS, row.householdSituation),
    referrer: labelOfCode(REFERRERS, row.referrer),
    referralDecision: labelOfCode(REFERRAL_DECISIONS, row.referralDecision),
    handover: labelOfCode(HANDOVERS, row.handover),
    leaseTransfer: row.leaseTransfer ? 'Oui' : 'Non',
    commune: labelOfCode(COMMUNES, row.commune),
  }),
  crossRowChecks: overlaps,
};
