import {
  FRENCH_MONTHS,
  FRENCH_WEEKDAYS,
  addDays,
  addMonths,
  daysInMonth,
  formatFrenchDate,
  lastWeekdayOfMonth,
  maxDate,
  minDate,
  parseIsoDate,
  toIsoDate,
} from './dates';
import type { Agreement, AgreementCode, ObligationOccurrence, ObligationRule } from './types';

/** What the schedule needs to know about an agreement. */
export type ScheduleAgreement = Pick<Agreement, 'code' | 'startDate' | 'endDate' | 'durationMonths' | 'renewal'>;

export interface AgreementValidity {
  start: string;
  /** Last valid day, or null when the agreement is open-ended (tacit renewal). */
  end: string | null;
}

/**
 * Validity of an agreement, renewals included:
 * - no renewal: the initial period;
 * - tacit renewal: open-ended (end null);
 * - renewable once: initial period + one renewal period.
 */
export function agreementValidity(agreement: ScheduleAgreement): AgreementValidity {
  const renewal = agreement.renewal;
  switch (renewal.kind) {
    case 'none':
      return { start: agreement.startDate, end: agreement.endDate };
    case 'tacit':
      return { start: agreement.startDate, end: null };
    case 'renewable_once':
      return {
        start: agreement.startDate,
        end: addDays(addMonths(agreement.startDate, agreement.durationMonths + renewal.periodMonths), -1),
      };
  }
}

export interface ExpandOptions {
  /** First day of the range, `YYYY-MM-DD` (inclusive). */
  from: string;
  /** Last day of the range, `YYYY-MM-DD` (inclusive). */
  to: string;
  /**
   * Agreements whose rules keep applying after their printed validity (e.g. the convention
   * cadre rolled over by a new convention with the same rules). Occurrences produced only
   * thanks to this are flagged `beyondPrintedValidity`.
   */
  extendAgreements?: readonly AgreementCode[];
}

/** Safety net against runaway loops on absurd ranges. */
const MAX_STEPS = 10_000;

/**
 * Expands obligation rules into concrete occurrences between `from` and `to` (inclusive),
 * inside each agreement's validity. An occurrence is kept when its reference date — the due
 * date, or the end of its window when the text gives no date — falls within the range.
 * The result is sorted by reference date, then by id.
 */
export function expandObligations(
  rules: readonly ObligationRule[],
  agreements: readonly ScheduleAgreement[],
  options: ExpandOptions,
): ObligationOccurrence[] {
  parseIsoDate(options.from);
  parseIsoDate(options.to);
  const { from, to } = options;
  if (from > to) return [];
  const extended = new Set(options.extendAgreements ?? []);
  const out: ObligationOccurrence[] = [];

  for (const rule of rules) {
    const agreement = agreements.find((a) => a.code === rule.agreementCode);
    if (!agreement) continue;
    const validity = agreementValidity(agreement);
    const printedEnd = validity.end;
    const isExtended = extended.has(agreement.code);
    const start = maxDate(validity.start, rule.validFrom ?? validity.start);
    let end = isExtended ? null : printedEnd;
    if (rule.validTo) end = end === null ? rule.validTo : minDate(end, rule.validTo);
    if (end !== null && end < start) continue;

    const ctx: RuleContext = { rule, agreement, start, end, printedEnd, from, to };
    for (const occ of expandRule(ctx)) {
      const ref = occ.dueDate ?? occ.windowEnd;
      if (ref >= from && ref <= to) out.push(occ);
    }
  }

  return out.sort(compareOccurrences);
}

/** Reference date used for ordering and range filtering. */
export function occurrenceDate(o: ObligationOccurrence): string {
  return o.dueDate ?? o.windowEnd;
}

function compareOccurrences(a: ObligationOccurrence, b: ObligationOccurrence): number {
  const da = occurrenceDate(a);
  const db = occurrenceDate(b);
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface RuleContext {
  rule: ObligationRule;
  agreement: ScheduleAgreement;
  /** First day the rule applies. */
  start: string;
  /** Last day the rule applies, null when open-ended. */
  end: string | null;
  /** Last day of the printed validity (renewals included), null when open-ended. */
  printedEnd: string | null;
  from: string;
  to: string;
}

function base(ctx: RuleContext, windowStart: string): Pick<
  ObligationOccurrence,
  | 'ruleId'
  | 'kind'
  | 'agreementCode'
  | 'responsibleOrgCodes'
  | 'recipientOrgCodes'
  | 'sourceRef'
  | 'beyondPrintedValidity'
> &
  Partial<Pick<ObligationOccurrence, 'programmeCode' | 'pacteActionNumber'>> {
  const r = ctx.rule;
  const b: ReturnType<typeof base> = {
    ruleId: r.id,
    kind: r.kind,
    agreementCode: r.agreementCode,
    responsibleOrgCodes: [...r.responsibleOrgCodes],
    recipientOrgCodes: [...r.recipientOrgCodes],
    sourceRef: r.sourceRef,
    beyondPrintedValidity: ctx.printedEnd !== null && windowStart > ctx.printedEnd,
  };
  if (r.programmeCode) b.programmeCode = r.programmeCode;
  if (r.pacteActionNumber) b.pacteActionNumber = r.pacteActionNumber;
  return b;
}

function yearOf(iso: string): number {
  return parseIsoDate(iso).year;
}

function periodText(windowStart: string, windowEnd: string): string {
  return `période du ${formatFrenchDate(windowStart)} au ${formatFrenchDate(windowEnd)}`;
}

function offsetLabel(offset: number): string {
  return offset === 0 ? 'N' : offset > 0 ? `N+${offset}` : `N${offset}`;
}

/** Windows of `months` months starting at ctx.start, clipped to ctx.end, until past ctx.to. */
function* windows(ctx: RuleContext, months: number): Generator<[string, string]> {
  for (let k = 0; k < MAX_STEPS; k++) {
    const ws = addMonths(ctx.start, months * k);
    if (ctx.end !== null && ws > ctx.end) return;
    if (ws > ctx.to) return;
    let we = addDays(addMonths(ctx.start, months * (k + 1)), -1);
    if (ctx.end !== null) we = minDate(we, ctx.end);
    yield [ws, we];
  }
}

function* expandRule(ctx: RuleContext): Generator<ObligationOccurrence> {
  const { rule } = ctx;
  const schedule = rule.rule;
  switch (schedule.type) {
    case 'yearly': {
      const firstYear = yearOf(ctx.start);
      const lastYear = Math.min(
        ctx.end === null ? Number.POSITIVE_INFINITY : yearOf(ctx.end),
        yearOf(ctx.to) - schedule.yearOffset,
      );
      for (let y = firstYear; y <= lastYear && y - firstYear < MAX_STEPS; y++) {
        const ws = maxDate(toIsoDate(y, 1, 1), ctx.start);
        const we = ctx.end === null ? toIsoDate(y, 12, 31) : minDate(toIsoDate(y, 12, 31), ctx.end);
        const dueYear = y + schedule.yearOffset;
        const due = toIsoDate(dueYear, schedule.month, Math.min(schedule.day, daysInMonth(dueYear, schedule.month)));
        const day = schedule.day === 1 ? '1er' : String(schedule.day);
        yield {
          ...base(ctx, ws),
          id: `${rule.id}:${y}`,
          label: `${rule.label} ${y}`,
          periodYear: y,
          windowStart: ws,
          windowEnd: we,
          dueDate: due,
          dueDateRule: `Au plus tard le ${day} ${FRENCH_MONTHS[schedule.month - 1]} de l'année ${offsetLabel(schedule.yearOffset)} (N = ${y}).`,
        };
      }
      return;
    }
    case 'per_year': {
      const perWindowMonths = 12 % schedule.count === 0 ? 12 / schedule.count : 12;
      const slots = 12 % schedule.count === 0 ? 1 : schedule.count;
      const seqByYear = new Map<number, number>();
      for (const [ws, we] of windows(ctx, perWindowMonths)) {
        for (let s = 0; s < slots; s++) {
          const year = yearOf(ws);
          const seq = (seqByYear.get(year) ?? 0) + 1;
          seqByYear.set(year, seq);
          const many = schedule.count > 1;
          const nth = many ? ` (${((seq - 1) % schedule.count) + 1}/${schedule.count})` : '';
          yield {
            ...base(ctx, ws),
            id: `${rule.id}:${year}-${seq}`,
            label: `${rule.label} ${year}${nth}`,
            periodYear: year,
            sequence: seq,
            windowStart: ws,
            windowEnd: we,
            dueDate: null,
            dueDateRule: `${schedule.atLeast ? 'Au moins ' : ''}${schedule.count === 1 ? (schedule.atLeast ? 'une fois' : 'Une fois') : `${schedule.count} fois`} par an${many && slots === 1 ? ` (une occurrence retenue par période de ${perWindowMonths} mois)` : ''} ; date non fixée par le texte (${periodText(ws, we)}).`,
          };
        }
      }
      return;
    }
    case 'every_n_months': {
      const seqByYear = new Map<number, number>();
      for (const [ws, we] of windows(ctx, schedule.n)) {
        const year = yearOf(ws);
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        yield {
          ...base(ctx, ws),
          id: `${rule.id}:${year}-${seq}`,
          label: rule.label,
          periodYear: year,
          sequence: seq,
          windowStart: ws,
          windowEnd: we,
          dueDate: null,
          dueDateRule: `Tous les ${schedule.n} mois ; date non fixée par le texte (${periodText(ws, we)}).`,
        };
      }
      return;
    }
    case 'monthly_weekday': {
      const first = parseIsoDate(ctx.start);
      for (let k = 0; k < MAX_STEPS; k++) {
        const index = first.year * 12 + (first.month - 1) + k;
        const y = Math.floor(index / 12);
        const m = (index % 12) + 1;
        const monthStart = toIsoDate(y, m, 1);
        if (monthStart > ctx.to) return;
        if (ctx.end !== null && monthStart > ctx.end) return;
        const date = lastWeekdayOfMonth(y, m, schedule.weekday);
        if (date < ctx.start || (ctx.end !== null && date > ctx.end)) continue;
        const ws = maxDate(monthStart, ctx.start);
        const we = addDays(addMonths(monthStart, 1), -1);
        yield {
          ...base(ctx, ws),
          id: `${rule.id}:${y}-${String(m).padStart(2, '0')}`,
          label: `${rule.label} – ${FRENCH_MONTHS[m - 1]} ${y}`,
          periodYear: y,
          sequence: m,
          windowStart: ws,
          windowEnd: ctx.end === null ? we : minDate(we, ctx.end),
          dueDate: date,
          dueDateRule: `Dernier ${FRENCH_WEEKDAYS[schedule.weekday]} du mois${schedule.usually ? ' (« majoritairement » : le calendrier annuel fait foi)' : ''}.`,
        };
      }
      return;
    }
    case 'per_period': {
      const ws = ctx.start;
      const we = ctx.end ?? ctx.agreement.endDate;
      for (let s = 1; s <= schedule.count; s++) {
        yield {
          ...base(ctx, ws),
          id: `${rule.id}:${yearOf(ws)}-${s}`,
          label: schedule.count > 1 ? `${rule.label} (${s}/${schedule.count})` : rule.label,
          periodYear: yearOf(ws),
          sequence: s,
          windowStart: ws,
          windowEnd: we,
          dueDate: null,
          dueDateRule: `${schedule.atLeast ? 'Au moins ' : ''}${schedule.count === 1 ? (schedule.atLeast ? 'une fois' : 'Une fois') : `${schedule.count} fois`} sur la durée de la convention ; date non fixée par le texte (${periodText(ws, we)}).`,
        };
      }
      return;
    }
    case 'months_after': {
      const from = schedule.baseDate ?? ctx.agreement.startDate;
      const due = addMonths(from, schedule.months);
      if (due < ctx.start || (ctx.end !== null && due > ctx.end)) return;
      yield {
        ...base(ctx, from),
        id: `${rule.id}:${yearOf(from)}`,
        label: rule.label,
        periodYear: yearOf(from),
        windowStart: from,
        windowEnd: due,
        dueDate: due,
        dueDateRule: `${schedule.months} mois après le ${formatFrenchDate(from)}.`,
      };
      return;
    }
  }
}
