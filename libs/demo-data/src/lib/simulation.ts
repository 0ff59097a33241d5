import {
  civilDate,
  dayNumber,
  isoDate,
  lastDayOfMonth,
  lastTuesdayOfMonth,
  publicHolidays,
  weekday,
  type DayNumber,
} from './calendar';
import {
  ADJOURNED_RETURN_RATE,
  ARRIVAL_SEASONALITY,
  FIRST_EXAMINATION,
  SECOND_EXAMINATION_REJECT_RATE,
  type SimulationPlan,
} from './profiles';
import { Rng, drawDays } from './random';
import type {
  AdmissionDecision,
  AgeBand,
  Commune,
  DemoEpisode,
  DemoReferral,
  HandoverCode,
  HouseholdSituation,
  ReferralDecision,
  ReferrerCode,
} from './types';

/**
 * Day-by-day simulation of one programme, from `start` (warm-up) to `asOf`:
 * requests arrive (Poisson), the commission examines them (rejet / ajournement / accord /
 * accord avec liste d'attente), people on the waiting list are activated as soon as a place is
 * free (Chenôve first for ACOR Dijon Métropole) or give up after a while, episodes last a
 * skewed random duration, places are freed the day after the exit.
 *
 * Every draw happens at the event it belongs to (arrival, decision, admission), in time order:
 * a later `asOf` extends the history without changing what happened before.
 */

const State = { Pending: 0, Waiting: 1, Admitted: 2, Gone: 3 } as const;
type State = (typeof State)[keyof typeof State];

interface Candidate {
  key: string;
  kind: number;
  commune: Commune;
  referrer: ReferrerCode;
  viaSiao: boolean;
  ageBand: AgeBand;
  household: HouseholdSituation;
  examined: number;
  state: State;
  priority: boolean;
  /** Order of arrival on the waiting list. */
  seq: number;
}

interface SimEpisode {
  candidate: Candidate;
  entry: DayNumber;
  exit: DayNumber;
  decision: AdmissionDecision;
  handover: HandoverCode;
  leaseTransfer: boolean;
}

export interface SimulationResult {
  episodes: DemoEpisode[];
  referrals: DemoReferral[];
  /** Waiting list at the end of each month (or at asOf), keyed 'YYYY-MM-01'. */
  waitingListEnd: Map<string, number>;
}

class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}

function commissionDays(plan: SimulationPlan, start: DayNumber, end: DayNumber): Uint8Array {
  const flags = new Uint8Array(end - start + 1);
  const first = civilDate(start).year;
  const last = civilDate(end).year;
  for (let year = first; year <= last; year++) {
    const holidays = publicHolidays(year);
    if (plan.rhythm.type === 'monthly_last_tuesday') {
      for (let month = 1; month <= 12; month++) {
        const day = lastTuesdayOfMonth(year, month, holidays);
        if (day >= start && day <= end) flags[day - start] = 1;
      }
    } else {
      for (let day = Math.max(start, dayNumber(year, 1, 1)); day <= Math.min(end, dayNumber(year, 12, 31)); day++) {
        if (weekday(day) === plan.rhythm.weekday) {
          const meeting = holidays.has(day) ? day + 1 : day;
          if (meeting <= end) flags[meeting - start] = 1;
        }
      }
    }
  }
  return flags;
}

export function simulateProgramme(
  programmeCode: string,
  plan: SimulationPlan,
  rng: Rng,
  start: DayNumber,
  outputStart: DayNumber,
  asOf: DayNumber,
): SimulationResult {
  const totalDays = asOf - start + 1;
  const kindCount = plan.kinds.length;
  const kindTable = plan.kinds.map((_, index) => [index, plan.kindWeights[index] ?? 1] as const);
  const placesOf = plan.kinds.map((k) => k.places);
  const totalPlaces = placesOf.reduce((a, b) => a + b, 0);
  const occupied = new Array<number>(kindCount).fill(0);
  const waitingCount = new Array<number>(kindCount).fill(0);
  const priorityQueues = plan.kinds.map(() => new Fifo<Candidate>());
  const queues = plan.kinds.map(() => new Fifo<Candidate>());
  const releases = plan.kinds.map(() => new Int32Array(totalDays + 1));
  // Priority places (Chenôve) occupied, and their releases: priority applies only while their
  // share of the occupied places is below `plan.priorityShare`.
  const priorityOccupied = new Array<number>(kindCount).fill(0);
  const priorityReleases = plan.kinds.map(() => new Int32Array(totalDays + 1));
  let waitingSeq = 0;
  const lapses: (Candidate[] | undefined)[] = new Array(totalDays + 1);
  const meetings = commissionDays(plan, start, asOf);
  const noticeDays = plan.rhythm.type === 'monthly_last_tuesday' ? plan.rhythm.noticeDays : 0;

  const received = new Fifo<{ day: DayNumber; candidate: Candidate }>();
  let adjourned: Candidate[] = [];
  const episodes: SimEpisode[] = [];
  const referrals: DemoReferral[] = [];
  const waitingListEnd = new Map<string, number>();
  const isoCache: (string | undefined)[] = new Array(totalDays + 1);
  const iso = (day: DayNumber): string => {
    const offset = day - start;
    if (offset < 0 || offset > totalDays) return isoDate(day);
    return (isoCache[offset] ??= isoDate(day));
  };

  const admit = (candidate: Candidate, day: DayNumber, delay: [number, number], decision: AdmissionDecision): void => {
    const kind = plan.kinds[candidate.kind];
    if (kind === undefined) throw new Error('kind');
    occupied[candidate.kind] = (occupied[candidate.kind] ?? 0) + 1;
    candidate.state = State.Admitted;
    const entry = day + rng.int(delay[0], delay[1]);
    const exit = entry + drawDays(rng, kind.duration);
    const handover = rng.pick(plan.handovers);
    const leaseTransfer = plan.leaseTransferRate > 0 && rng.chance(plan.leaseTransferRate);
    const releaseDay = exit + 1 - start;
    const releaseRow = (candidate.priority ? priorityReleases : releases)[candidate.kind];
    if (releaseRow !== undefined && releaseDay < releaseRow.length) releaseRow[releaseDay] = (releaseRow[releaseDay] ?? 0) + 1;
    if (candidate.priority) priorityOccupied[candidate.kind] = (priorityOccupied[candidate.kind] ?? 0) + 1;
    episodes.push({ candidate, entry, exit, decision, handover, leaseTransfer });
  };

  const headOf = (queue: Fifo<Candidate> | undefined): Candidate | undefined => {
    if (queue === undefined) return undefined;
    for (let c = queue.peek(); c !== undefined; c = queue.peek()) {
      if (c.state === State.Waiting) return c;
      queue.shift();
    }
    return undefined;
  };

  const popWaiting = (kind: number): Candidate | undefined => {
    const priorityHead = headOf(priorityQueues[kind]);
    const otherHead = headOf(queues[kind]);
    if (priorityHead === undefined && otherHead === undefined) return undefined;
    const below = (priorityOccupied[kind] ?? 0) < plan.priorityShare * Math.max(1, occupied[kind] ?? 0);
    const takePriority =
      priorityHead !== undefined && (otherHead === undefined || below || priorityHead.seq < otherHead.seq);
    return (takePriority ? priorityQueues[kind] : queues[kind])?.shift();
  };

  let chenoveCredit = rng.uniform();
  const newCandidate = (): Candidate => {
    const kind = rng.pick(kindTable);
    let commune: Commune;
    if (plan.chenoveQuota === null) {
      commune = rng.pick(plan.communes);
    } else {
      chenoveCredit += plan.chenoveQuota * rng.between(0.5, 1.5);
      if (chenoveCredit >= 1) {
        chenoveCredit -= 1;
        commune = 'Chenôve';
      } else {
        commune = rng.pick(plan.communes);
      }
    }
    const referrer = rng.pick(plan.referrers(commune));
    const viaSiao = referrer === 'siao' || rng.chance(plan.viaSiaoOtherwise);
    const ageBand = rng.pick(plan.ageBands);
    const household = rng.pick(plan.households);
    const key = rng.hexKey();
    return {
      key,
      kind,
      commune,
      referrer,
      viaSiao,
      ageBand,
      household,
      examined: 0,
      state: State.Pending,
      priority: plan.chenovePriority && commune === 'Chenôve',
      seq: 0,
    };
  };

  const examine = (candidate: Candidate, day: DayNumber): void => {
    let decision: ReferralDecision;
    const firstTime = candidate.examined === 0;
    candidate.examined++;
    const u = rng.uniform();
    if (firstTime && u < FIRST_EXAMINATION.rejectRate) {
      decision = 'rejection';
    } else if (firstTime && u < FIRST_EXAMINATION.rejectRate + FIRST_EXAMINATION.adjournRate) {
      decision = 'adjournment';
    } else if (!firstTime && u < SECOND_EXAMINATION_REJECT_RATE) {
      decision = 'rejection';
    } else {
      const kind = candidate.kind;
      if ((occupied[kind] ?? 0) < (placesOf[kind] ?? 0) && waitingCount[kind] === 0) {
        decision = 'accord';
      } else {
        decision = 'accord_waiting_list';
      }
    }
    if (day >= outputStart) {
      referrals.push({
        programmeCode,
        participantKey: candidate.key,
        decisionDate: iso(day),
        referrer: candidate.referrer,
        viaSiao: candidate.viaSiao,
        decision,
      });
    }
    switch (decision) {
      case 'rejection':
        candidate.state = State.Gone;
        break;
      case 'adjournment':
        if (rng.chance(ADJOURNED_RETURN_RATE)) adjourned.push(candidate);
        else candidate.state = State.Gone;
        break;
      case 'accord':
        admit(candidate, day, plan.accordDelay, 'accord');
        break;
      case 'accord_waiting_list': {
        candidate.state = State.Waiting;
        waitingCount[candidate.kind] = (waitingCount[candidate.kind] ?? 0) + 1;
        candidate.seq = waitingSeq++;
        (candidate.priority ? priorityQueues : queues)[candidate.kind]?.push(candidate);
        const lapse = day + rng.int(plan.patience[0], plan.patience[1]) - start;
        if (lapse < lapses.length) (lapses[lapse] ??= []).push(candidate);
        break;
      }
    }
  };

  const dailyRate = plan.arrivalsPerYear / 365;
  for (let day = start; day <= asOf; day++) {
    const offset = day - start;
    const date = civilDate(day);

    // 1. places freed the day after an exit
    for (let k = 0; k < kindCount; k++) {
      const freedPriority = priorityReleases[k]?.[offset] ?? 0;
      occupied[k] = (occupied[k] ?? 0) - (releases[k]?.[offset] ?? 0) - freedPriority;
      priorityOccupied[k] = (priorityOccupied[k] ?? 0) - freedPriority;
    }
    // 2. waiting-list requests that lapse
    const lapsing = lapses[offset];
    if (lapsing !== undefined) {
      for (const candidate of lapsing) {
        if (candidate.state === State.Waiting) {
          candidate.state = State.Gone;
          waitingCount[candidate.kind] = (waitingCount[candidate.kind] ?? 0) - 1;
        }
      }
      lapses[offset] = undefined;
    }
    // 3. activation from the waiting list
    for (let k = 0; k < kindCount; k++) {
      while ((occupied[k] ?? 0) < (placesOf[k] ?? 0) && (waitingCount[k] ?? 0) > 0) {
        const candidate = popWaiting(k);
        if (candidate === undefined) break;
        waitingCount[k] = (waitingCount[k] ?? 0) - 1;
        admit(candidate, day, plan.waitingListDelay, 'accord_waiting_list');
      }
    }
    // 4. new requests (boosted during the warm-up until the places are full)
    const occupiedTotal = occupied.reduce((a, b) => a + b, 0);
    const boost = day < outputStart && occupiedTotal < totalPlaces ? 3 : 1;
    const arrivals = rng.poisson(dailyRate * (ARRIVAL_SEASONALITY[date.month - 1] ?? 1) * boost);
    for (let i = 0; i < arrivals; i++) received.push({ day, candidate: newCandidate() });
    // 5. commission
    if (meetings[offset] === 1) {
      const returning = adjourned;
      adjourned = [];
      for (const candidate of returning) examine(candidate, day);
      const limit = day - noticeDays;
      for (let next = received.peek(); next !== undefined && next.day <= limit; next = received.peek()) {
        received.shift();
        examine(next.candidate, day);
      }
    }
    // 6. waiting list at month end
    if ((day === lastDayOfMonth(date.year, date.month) || day === asOf) && day >= outputStart) {
      const month = `${date.year}-${date.month < 10 ? '0' : ''}${date.month}-01`;
      waitingListEnd.set(month, waitingCount.reduce((a, b) => a + b, 0));
    }
  }

  episodes.sort((a, b) => a.entry - b.entry || (a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0));
  const out: DemoEpisode[] = [];
  for (const e of episodes) {
    if (e.entry > asOf || e.exit < outputStart) continue;
    const open = e.exit > asOf;
    const kind = plan.kinds[e.candidate.kind];
    if (kind === undefined) throw new Error('kind');
    out.push({
      programmeCode,
      participantKey: e.candidate.key,
      kind: kind.kind,
      entryDate: iso(e.entry),
      exitDate: open ? null : iso(e.exit),
      ageBand: e.candidate.ageBand,
      householdSituation: e.candidate.household,
      referrer: e.candidate.referrer,
      referralDecision: e.decision,
      handover: open ? null : e.handover,
      leaseTransfer: open ? false : e.leaseTransfer,
      commune: e.candidate.commune,
    });
  }
  return { episodes: out, referrals, waitingListEnd };
}
