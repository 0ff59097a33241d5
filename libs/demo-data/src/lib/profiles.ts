import type { DurationModel, Weighted } from './random';
import { expectedDays } from './random';
import type {
  AgeBand,
  Commune,
  DemoProgrammeInput,
  EpisodeKind,
  HandoverCode,
  HouseholdSituation,
  ReferrerCode,
} from './types';

/**
 * Behaviour of each programme profile: capacities (from the agreement, with documented defaults),
 * duration distributions, commission rhythm and the categorical distributions of the profile.
 * All weights are integers (per mille or percent).
 */

export type CommissionRhythm =
  /** CCA: last Tuesday of the month; requests must arrive 15 days before. */
  | { type: 'monthly_last_tuesday'; noticeDays: number }
  /** Weekly examination (ACOR Centre Ville: orientations validated by the CCAS de Dijon). */
  | { type: 'weekly'; weekday: number };

export interface KindPlan {
  kind: EpisodeKind;
  places: number;
  duration: DurationModel;
}

export interface SimulationPlan {
  kinds: KindPlan[];
  /** Requests per year at full rate (before the seasonal profile). */
  arrivalsPerYear: number;
  /** Weights of the kinds among the requests (same order as `kinds`). */
  kindWeights: number[];
  rhythm: CommissionRhythm;
  /** Days between an « accord » with a free place and the first meeting. */
  accordDelay: [number, number];
  /** Days between a place freed for someone on the waiting list and the first meeting. */
  waitingListDelay: [number, number];
  /** Days a person stays on the waiting list before the request lapses (réévaluation sociale). */
  patience: [number, number];
  /** Chenôve situations are activated first (ACOR Dijon Métropole, annexe 2). */
  chenovePriority: boolean;
  /** Chenôve is activated first only while its share of the occupied places is below this. */
  priorityShare: number;
  /**
   * Share of requests from Chenôve, assigned by jittered systematic sampling (low variance, so that
   * the yearly Chenôve share stays close to the target); `communes` then gives the other communes.
   * Null: `communes` gives every commune.
   */
  chenoveQuota: number | null;
  communes: Weighted<Commune>;
  ageBands: Weighted<AgeBand>;
  households: Weighted<HouseholdSituation>;
  handovers: Weighted<HandoverCode>;
  /** Probability of a glissement de bail at the exit (housing support only). */
  leaseTransferRate: number;
  /** Referrer of a request, given its commune. */
  referrers: (commune: Commune) => Weighted<ReferrerCode>;
  /** Probability that a request not sent by the SIAO itself still went through the SIAO. */
  viaSiaoOtherwise: number;
}

/** Seasonal profile of requests (August slows down, December a little). Mean 1. */
export const ARRIVAL_SEASONALITY: readonly number[] = [1.05, 1.05, 1.05, 1.05, 1.05, 1, 0.95, 0.7, 1.05, 1.05, 1.05, 0.95];

/** First examination: rejet 5 %, ajournement 8 %, otherwise accord (with or without waiting list). */
export const FIRST_EXAMINATION = { rejectRate: 0.05, adjournRate: 0.08 } as const;
/** An adjourned request comes back at the next commission with this probability… */
export const ADJOURNED_RETURN_RATE = 0.75;
/** …and is then rejected with this probability (otherwise accorded). */
export const SECOND_EXAMINATION_REJECT_RATE = 0.15;
/** Chenôve's share of requests relative to its share of follow-ups (it is activated first). */
export const CHENOVE_QUOTA_ADJUSTMENT = 0.93;
/** Requests exceed the throughput by this factor, so that a waiting list exists. */
export const OVERLOAD = 1.25;

/** Share of all requests that end in an admission or a waiting-list entry. */
const ACCEPTED_SHARE =
  1 -
  FIRST_EXAMINATION.rejectRate -
  FIRST_EXAMINATION.adjournRate +
  FIRST_EXAMINATION.adjournRate * ADJOURNED_RETURN_RATE * (1 - SECOND_EXAMINATION_REJECT_RATE);

export const DEFAULT_CAPACITY = {
  /** ACOR Centre Ville: the annex gives no number; ~45 people supported at a time by the 9 educational FTE. */
  dayCentreActiveCaseload: 45,
  housingFollowUpsPerYear: 220,
  housingChenove: 60,
  mobileActiveCaseload: 40,
  mobileCoEvaluations: 5,
  mobileCoEvaluationMaxDays: 90,
} as const;

const DIJON_AREA_COMMUNES: readonly Commune[] = ['Dijon', 'Chenôve', 'Talant', 'Quetigny', 'Longvic'];

function mean(range: [number, number]): number {
  return (range[0] + range[1]) / 2;
}

/** Requests per year so that, with OVERLOAD, the places stay full and a waiting list exists. */
function arrivalsFor(kinds: KindPlan[], delay: [number, number]): { total: number; weights: number[] } {
  const throughputs = kinds.map((k) => (k.places * 365) / (expectedDays(k.duration) + 1 + mean(delay)));
  const total = throughputs.reduce((a, b) => a + b, 0);
  return {
    total: (total * OVERLOAD) / ACCEPTED_SHARE,
    weights: throughputs.map((t) => Math.max(1, Math.round((t * 1000) / total))),
  };
}

function places(value: number, scale: number): number {
  return Math.max(1, Math.round(value * scale));
}

export function positiveOr(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${what} doit être un nombre positif (reçu : ${value}).`);
  return value;
}

export function planFor(programme: DemoProgrammeInput, scale: number): SimulationPlan {
  const cap = programme.capacity;
  switch (programme.profile) {
    case 'day_centre_outreach': {
      const kinds: KindPlan[] = [
        {
          kind: 'follow_up',
          places: places(positiveOr(cap.activeCaseload, DEFAULT_CAPACITY.dayCentreActiveCaseload, 'activeCaseload'), scale),
          duration: { type: 'lognormal', meanDays: 120, sigma: 0.75, minDays: 7, maxDays: 730 },
        },
      ];
      const waitingListDelay: [number, number] = [0, 3];
      const arrivals = arrivalsFor(kinds, waitingListDelay);
      return {
        kinds,
        arrivalsPerYear: arrivals.total,
        kindWeights: arrivals.weights,
        rhythm: { type: 'weekly', weekday: 2 },
        accordDelay: [0, 7],
        waitingListDelay,
        patience: [20, 90],
        chenovePriority: false,
        priorityShare: 0,
        chenoveQuota: null,
        communes: [
          ['Dijon', 900],
          ['Chenôve', 20],
          ['Talant', 10],
          ['Quetigny', 5],
          ['Longvic', 5],
          ['Autre commune de la Métropole', 60],
        ],
        ageBands: [
          ['18-24', 12],
          ['25-34', 24],
          ['35-44', 24],
          ['45-54', 22],
          ['55-64', 14],
          ['65+', 4],
        ],
        households: [
          ['personne_seule', 86],
          ['couple_sans_enfant', 7],
          ['famille_monoparentale', 4],
          ['couple_avec_enfants', 3],
        ],
        handovers: [
          ['logement_accompagne', 20],
          ['droit_commun_ccas', 25],
          ['service_social_departemental', 8],
          ['soins_cmp', 7],
          ['autre_dispositif', 15],
          ['sans_relais', 10],
          ['perdu_de_vue', 15],
        ],
        leaseTransferRate: 0,
        referrers: () => [
          ['siao', 35],
          ['ccas_dijon', 35],
          ['conseil_departemental', 5],
          ['secteur_psychiatrique', 5],
          ['autre', 20],
        ],
        viaSiaoOtherwise: 0.15,
      };
    }
    case 'housing_support': {
      const followUps = positiveOr(cap.followUpsPerYear, DEFAULT_CAPACITY.housingFollowUpsPerYear, 'followUpsPerYear');
      const chenove = cap.ofWhichChenove ?? DEFAULT_CAPACITY.housingChenove;
      if (!(chenove >= 0 && chenove <= followUps)) {
        throw new RangeError(`ofWhichChenove doit être compris entre 0 et followUpsPerYear (reçu : ${chenove}).`);
      }
      const duration: DurationModel = { type: 'lognormal', meanDays: 240, sigma: 0.55, minDays: 30, maxDays: 1095 };
      const waitingListDelay: [number, number] = [0, 5];
      // Distinct follow-ups over a year ≈ places × (1 + 365 / cycle) with a cycle = duration + vacancy.
      const cycle = expectedDays(duration) + 1 + mean(waitingListDelay);
      const activeCaseload =
        cap.activeCaseload !== undefined
          ? positiveOr(cap.activeCaseload, 0, 'activeCaseload')
          : (followUps * cycle) / (cycle + 365);
      const kinds: KindPlan[] = [{ kind: 'follow_up', places: places(activeCaseload, scale), duration }];
      const arrivals = arrivalsFor(kinds, waitingListDelay);
      // Chenôve is activated first: its requests are never lost on the waiting list while some of
      // the others are, so its share of requests is set a little below its share of follow-ups.
      const chenoveQuota = (chenove / followUps) * CHENOVE_QUOTA_ADJUSTMENT;
      return {
        kinds,
        arrivalsPerYear: arrivals.total,
        kindWeights: arrivals.weights,
        rhythm: { type: 'monthly_last_tuesday', noticeDays: 15 },
        accordDelay: [1, 14],
        waitingListDelay,
        patience: [30, 120],
        chenovePriority: true,
        priorityShare: chenove / followUps,
        chenoveQuota,
        communes: [
          ['Dijon', 70],
          ['Talant', 7],
          ['Quetigny', 6],
          ['Longvic', 7],
          ['Autre commune de la Métropole', 10],
        ],
        ageBands: [
          ['18-24', 6],
          ['25-34', 18],
          ['35-44', 24],
          ['45-54', 25],
          ['55-64', 19],
          ['65+', 8],
        ],
        households: [
          ['personne_seule', 48],
          ['couple_sans_enfant', 12],
          ['famille_monoparentale', 24],
          ['couple_avec_enfants', 16],
        ],
        handovers: [
          ['droit_commun_ccas', 35],
          ['service_social_departemental', 25],
          ['samsah_savs', 6],
          ['soins_cmp', 6],
          ['logement_accompagne', 8],
          ['autre_dispositif', 8],
          ['sans_relais', 7],
          ['perdu_de_vue', 5],
        ],
        leaseTransferRate: 0.05,
        referrers: (commune) =>
          commune === 'Chenôve'
            ? [
                ['ccas_chenove', 60],
                ['conseil_departemental', 20],
                ['bailleur_social', 10],
                ['siao', 5],
                ['autre', 5],
              ]
            : [
                [commune === 'Dijon' ? 'ccas_dijon' : 'autre', 40],
                ['conseil_departemental', 25],
                ['bailleur_social', 15],
                ['siao', 8],
                ['secteur_psychiatrique', 4],
                ['autre', 8],
              ],
        viaSiaoOtherwise: 0.05,
      };
    }
    case 'mobile_mental_health': {
      const total = positiveOr(cap.activeCaseload, DEFAULT_CAPACITY.mobileActiveCaseload, 'activeCaseload');
      const coEvaluations = cap.coEvaluations ?? DEFAULT_CAPACITY.mobileCoEvaluations;
      if (!(coEvaluations > 0 && coEvaluations < total)) {
        throw new RangeError(`coEvaluations doit être compris entre 1 et activeCaseload − 1 (reçu : ${coEvaluations}).`);
      }
      const maxDays = Math.floor(positiveOr(cap.coEvaluationMaxDays, DEFAULT_CAPACITY.mobileCoEvaluationMaxDays, 'coEvaluationMaxDays'));
      const followPlaces = Math.round((total - coEvaluations) * scale);
      const kinds: KindPlan[] = [
        {
          kind: 'follow_up',
          places: Math.max(1, followPlaces),
          duration: { type: 'lognormal', meanDays: 240, sigma: 0.5, minDays: 30, maxDays: 900 },
        },
        {
          kind: 'co_evaluation',
          places: places(coEvaluations, scale),
          duration: { type: 'bounded', minDays: Math.min(14, maxDays), maxDays },
        },
      ];
      const waitingListDelay: [number, number] = [0, 5];
      const arrivals = arrivalsFor(kinds, waitingListDelay);
      return {
        kinds,
        arrivalsPerYear: arrivals.total,
        kindWeights: arrivals.weights,
        rhythm: { type: 'monthly_last_tuesday', noticeDays: 15 },
        accordDelay: [1, 14],
        waitingListDelay,
        patience: [20, 90],
        chenovePriority: false,
        priorityShare: 0,
        chenoveQuota: null,
        communes: DIJON_AREA_COMMUNES.map((c): [Commune, number] => [
          c,
          c === 'Dijon' ? 60 : c === 'Chenôve' ? 12 : c === 'Talant' ? 10 : 9,
        ]),
        ageBands: [
          ['18-24', 4],
          ['25-34', 12],
          ['35-44', 18],
          ['45-54', 24],
          ['55-64', 24],
          ['65+', 18],
        ],
        households: [
          ['personne_seule', 78],
          ['couple_sans_enfant', 9],
          ['famille_monoparentale', 8],
          ['couple_avec_enfants', 5],
        ],
        handovers: [
          ['soins_cmp', 35],
          ['samsah_savs', 12],
          ['droit_commun_ccas', 15],
          ['service_social_departemental', 10],
          ['logement_accompagne', 5],
          ['autre_dispositif', 8],
          ['sans_relais', 8],
          ['perdu_de_vue', 7],
        ],
        leaseTransferRate: 0,
        referrers: (commune) => [
          [commune === 'Chenôve' ? 'ccas_chenove' : commune === 'Dijon' ? 'ccas_dijon' : 'autre', 30],
          ['bailleur_social', 25],
          ['conseil_departemental', 15],
          ['secteur_psychiatrique', 15],
          ['siao', 5],
          ['autre', 10],
        ],
        viaSiaoOtherwise: 0.03,
      };
    }
    default: {
      const profile: never = programme.profile;
      throw new RangeError(`Profil de dispositif inconnu : « ${String(profile)} »`);
    }
  }
}
