/**
 * How each indicator of the catalogue becomes cells for the small-count solver: which of its
 * figures count people, which are computed on people, which partitions and identities link them
 * (within the indicator, across the indicators of one programme-year, and across consecutive
 * years), and where each figure is displayed (value, breakdown, details, provenance inputs,
 * attributes). Figures not described here fall back to a conservative rule (fail closed).
 */
import { CATALOGUE } from '../catalogue';
import { SENIORITY_BANDS } from '../formulas/episodes';
import type {
  BreakdownItem,
  IndicatorCode,
  IndicatorValue,
  PeopleCountRole,
  ProvenanceInput,
} from '../types';

/** Where a figure is displayed. */
export type Binding =
  | { kind: 'value'; value: IndicatorValue }
  | { kind: 'item'; item: BreakdownItem }
  | { kind: 'share'; item: BreakdownItem }
  | { kind: 'input'; input: ProvenanceInput }
  | { kind: 'attribute'; item: BreakdownItem; key: string };

export interface ExtractedCell {
  kind: 'count' | 'derived';
  raw: number | null;
  /** Semantic keys (`programme|year|name`): cells sharing a key and a raw value are one figure. */
  keys: string[];
  /** Keys used only to merge with an equal figure of another indicator, never to look one up. */
  links: string[];
  implicit: boolean;
  bindings: Binding[];
  /** derived: cells of the same registry. */
  bases: number[];
  /** derived: people figures looked up by key after every indicator is registered. */
  keyBases: string[];
  /** derived: used when no cell has one of `keyBases`. */
  fallbackBase?: number;
  valueIndex: number;
}

/** `total + Σ minus = Σ parts`. */
export interface ExtractedEquation {
  total: number;
  parts: number[];
  minus?: number[];
}

/** Cells and equations of every indicator of one call. */
export class Registry {
  readonly cells: ExtractedCell[] = [];
  readonly equations: ExtractedEquation[] = [];
}

/** Role of each catalogue indicator (unknown codes: treated as people counts, fail closed). */
const ROLES = new Map<string, PeopleCountRole>(CATALOGUE.map((d) => [d.code, d.peopleCount ?? 'value']));

export function peopleCountRole(code: IndicatorCode | string): PeopleCountRole {
  return ROLES.get(code) ?? 'value';
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function readBinding(binding: Binding): number | null {
  switch (binding.kind) {
    case 'value':
      return binding.value.value;
    case 'item':
      return binding.item.value;
    case 'share':
      return null;
    case 'input':
      return binding.input.value;
    case 'attribute':
      return numberOrNull(binding.item.attributes?.[binding.key]);
  }
}

type Binds = (Binding | undefined)[];

interface CountSpec {
  keys?: string[];
  links?: string[];
}

/** Builder of the cells of one indicator value. */
export class ValueExtraction {
  private readonly byName = new Map<string, number[]>();
  private readonly ownCells: number[] = [];
  private readonly boundItems = new Set<BreakdownItem>();
  private readonly boundShares = new Set<BreakdownItem>();
  private readonly boundInputs = new Set<ProvenanceInput>();
  private readonly boundAttributes = new Map<BreakdownItem, Set<string>>();
  private valueBound = false;
  readonly ns: string;

  constructor(
    private readonly registry: Registry,
    readonly value: IndicatorValue,
    private readonly valueIndex: number,
  ) {
    this.ns = `${value.programmeCode ?? '*'}|${value.year ?? '*'}`;
  }

  /** Semantic key of `name` in this programme-year (or `yearOffset` years apart). */
  key(name: string, yearOffset = 0): string {
    const year = this.value.year === null ? '*' : String(this.value.year + yearOffset);
    return `${this.value.programmeCode ?? '*'}|${year}|${name}`;
  }

  // ------------------------------------------------------------ bindings

  atValue(): Binding {
    return { kind: 'value', value: this.value };
  }

  atBreakdown(key: string): Binding | undefined {
    const item = this.value.breakdown?.find((b) => b.key === key);
    return item === undefined ? undefined : { kind: 'item', item };
  }

  atDetail(key: string): Binding | undefined {
    const item = this.value.details?.find((d) => d.key === key);
    return item === undefined ? undefined : { kind: 'item', item };
  }

  atItem(item: BreakdownItem): Binding {
    return { kind: 'item', item };
  }

  atInputs(ref: string): Binding[] {
    return this.value.provenance.inputs.filter((i) => i.ref === ref).map((input) => ({ kind: 'input', input }));
  }

  atAttribute(item: BreakdownItem, key: string): Binding | undefined {
    return item.attributes !== undefined && key in item.attributes ? { kind: 'attribute', item, key } : undefined;
  }

  // ------------------------------------------------------------ cells

  /** A count of people displayed at `binds` (one cell per distinct raw value). */
  count(name: string, spec: CountSpec, ...binds: Binds): void {
    for (const binding of binds) {
      if (binding === undefined) continue;
      const raw = readBinding(binding);
      const cell = this.cellFor(name, raw, 'count', spec);
      this.attach(cell, binding);
    }
  }

  /** A count shown nowhere else than in the formula text (the formula text goes when anything is masked). */
  formulaCount(name: string, raw: number | null, spec: CountSpec = {}): void {
    this.cellFor(name, raw, 'count', spec);
  }

  /** A count shown nowhere, that follows by difference. */
  implicit(name: string, raw: number | null): void {
    const cell = this.cellFor(name, raw, 'count', {});
    const c = this.registry.cells[cell];
    if (c !== undefined) c.implicit = true;
  }

  /** A figure computed on the counts `bases` (names), masked with them. */
  derived(name: string, bases: readonly string[], ...binds: Binds): void {
    this.derivedWith(name, { bases }, ...binds);
  }

  derivedWith(
    name: string,
    spec: { bases?: readonly string[]; keyBases?: string[]; fallbackBase?: number },
    ...binds: Binds
  ): void {
    const present = binds.filter((b): b is Binding => b !== undefined);
    if (present.length === 0) return;
    const index = this.newCell({
      kind: 'derived',
      raw: null,
      keys: [],
      links: [],
      implicit: false,
      bindings: [],
      bases: (spec.bases ?? []).flatMap((b) => this.byName.get(b) ?? []),
      keyBases: spec.keyBases ?? [],
      fallbackBase: spec.fallbackBase,
      valueIndex: this.valueIndex,
    });
    this.byName.set(name, [...(this.byName.get(name) ?? []), index]);
    for (const binding of present) this.attach(index, binding);
  }

  /** Displayed figures that are not people (money, parameters, opening days, outreach rounds). */
  free(...binds: Binds): void {
    for (const binding of binds) {
      if (binding !== undefined) this.markBound(binding);
    }
  }

  /** `total = Σ parts` (names; the first cell of each name). */
  equation(total: string, parts: readonly string[]): void {
    const t = this.ref(total);
    const ps = parts.map((p) => this.ref(p));
    if (t === undefined || ps.some((p) => p === undefined)) return;
    this.registry.equations.push({ total: t, parts: ps.filter((p): p is number => p !== undefined) });
  }

  /** A balance `Σ left = Σ right` (names; the first cell of each name), e.g. month-end + exits = previous month-end + entries. */
  balance(left: readonly string[], right: readonly string[]): void {
    const [first, ...rest] = left.map((n) => this.ref(n));
    const ps = right.map((n) => this.ref(n));
    if (first === undefined || rest.some((m) => m === undefined) || ps.some((p) => p === undefined)) return;
    this.registry.equations.push({
      total: first,
      minus: rest.filter((m): m is number => m !== undefined),
      parts: ps.filter((p): p is number => p !== undefined),
    });
  }

  /** The raw value of `name` (first cell), or null. */
  raw(name: string): number | null {
    const cell = this.ref(name);
    return cell === undefined ? null : (this.registry.cells[cell]?.raw ?? null);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** `item.share` = item / total: masked with either. */
  share(item: BreakdownItem, itemName: string, totalName: string): void {
    if (item.share === undefined) return;
    this.derived(`share:${itemName}`, [itemName, totalName], { kind: 'share', item });
  }

  /**
   * Items adding up to `totalName` (a breakdown, or details carrying the same partition), nested
   * children adding up to their parent. Names: `${prefix}.${key}`; `inputRefs`: provenance inputs
   * whose ref is the item key show the same count.
   */
  partition(totalName: string, items: readonly BreakdownItem[] | undefined, prefix: string, inputRefs = false): string[] {
    if (items === undefined || items.length === 0) return [];
    const names: string[] = [];
    for (const item of items) {
      const name = `${prefix}.${item.key}`;
      this.count(name, { keys: [this.key(name)] }, this.atItem(item), ...(inputRefs ? this.atInputs(item.key) : []));
      this.share(item, name, totalName);
      names.push(name);
    }
    // top-down: a parent masked as a complement at its level then protects its children
    this.equation(totalName, names);
    items.forEach((item, i) => {
      const name = names[i];
      if (name !== undefined && item.children !== undefined && item.children.length > 0) this.partition(name, item.children, name);
    });
    return names;
  }

  // ------------------------------------------------------------ fallback

  /**
   * Whatever an extractor did not describe, for an indicator that concerns people: counts are
   * people counts (a breakdown adds up to the value), other figures are computed on them.
   */
  fallback(): void {
    const value = this.value;
    if (!this.valueBound) {
      if (value.unit === 'count') this.count('value', {}, this.atValue());
      else this.derivedOnAll('value', this.atValue());
    }
    const unboundBreakdown = (value.breakdown ?? []).filter((b) => !this.boundItems.has(b));
    if (unboundBreakdown.length > 0 && value.unit === 'count' && this.has('value')) {
      // a breakdown adds up to the value (see IndicatorValue.breakdown)
      this.partition('value', unboundBreakdown, 'fallback.breakdown');
    }
    this.items(value.breakdown ?? [], 'fallback.breakdown');
    this.items(value.details ?? [], 'fallback.details');
    for (const input of value.provenance.inputs) {
      if (this.boundInputs.has(input)) continue;
      if (input.kind === 'parameter' || input.unit === 'eur' || input.kind === 'account_line' || input.kind === 'budget_total') {
        this.free({ kind: 'input', input });
      } else if (input.unit === 'count') {
        this.count(`fallback.input.${input.ref}`, {}, { kind: 'input', input });
      } else {
        this.derivedOnAll(`fallback.input.${input.ref}`, { kind: 'input', input });
      }
    }
  }

  private items(items: readonly BreakdownItem[], prefix: string): void {
    for (const item of items) {
      const name = `${prefix}.${item.key}`;
      if (!this.boundItems.has(item)) {
        if (item.unit === 'count') this.count(name, {}, this.atItem(item));
        else if (item.unit !== 'eur') this.derivedOnAll(name, this.atItem(item));
        else this.free(this.atItem(item));
      }
      if (item.share !== undefined && !this.boundShares.has(item)) {
        this.derivedOnAll(`share:${name}`, { kind: 'share', item });
      }
      for (const key of Object.keys(item.attributes ?? {})) {
        if (!this.boundAttributes.get(item)?.has(key) && typeof item.attributes?.[key] === 'number') {
          this.derivedOnAll(`${name}@${key}`, { kind: 'attribute', item, key });
        }
      }
      if (item.children !== undefined) this.items(item.children, name);
    }
  }

  /** Masked when any count of this indicator is masked (conservative). */
  private derivedOnAll(name: string, binding: Binding): void {
    const index = this.newCell({
      kind: 'derived',
      raw: null,
      keys: [],
      links: [],
      implicit: false,
      bindings: [],
      bases: this.ownCells.filter((c) => this.registry.cells[c]?.kind === 'count'),
      keyBases: [],
      valueIndex: this.valueIndex,
    });
    this.attach(index, binding);
  }

  // ------------------------------------------------------------ internals

  private ref(name: string): number | undefined {
    return this.byName.get(name)?.[0];
  }

  private cellFor(name: string, raw: number | null, kind: 'count', spec: CountSpec): number {
    const existing = (this.byName.get(name) ?? []).find((c) => this.registry.cells[c]?.raw === raw);
    if (existing !== undefined) return existing;
    const index = this.newCell({
      kind,
      raw,
      keys: spec.keys ?? [],
      links: spec.links ?? [],
      implicit: false,
      bindings: [],
      bases: [],
      keyBases: [],
      valueIndex: this.valueIndex,
    });
    this.byName.set(name, [...(this.byName.get(name) ?? []), index]);
    return index;
  }

  private newCell(cell: ExtractedCell): number {
    this.registry.cells.push(cell);
    const index = this.registry.cells.length - 1;
    this.ownCells.push(index);
    return index;
  }

  private attach(cell: number, binding: Binding): void {
    this.registry.cells[cell]?.bindings.push(binding);
    this.markBound(binding);
  }

  private markBound(binding: Binding): void {
    switch (binding.kind) {
      case 'value':
        this.valueBound = true;
        break;
      case 'item':
        this.boundItems.add(binding.item);
        break;
      case 'share':
        this.boundShares.add(binding.item);
        break;
      case 'input':
        this.boundInputs.add(binding.input);
        break;
      case 'attribute':
        this.boundAttributes.set(binding.item, new Set([...(this.boundAttributes.get(binding.item) ?? []), binding.key]));
        break;
    }
  }
}

// ====================================================================== extractors

type Extractor = (x: ValueExtraction) => void;

const PRESENT_AT_START_KEYS = (x: ValueExtraction): CountSpec => ({
  // Episodes open on 1 January of N are those open on 31 December of N-1.
  keys: [x.key('flow.at_start')],
  links: [x.key('flow.at_end', -1)],
});

/** entries, exits: the count, and « dont <territoire> » details (the rest follows by difference). */
function flow(field: 'entries' | 'exits'): Extractor {
  return (x) => {
    x.count(field, { keys: [x.key(`flow.${field}`)] }, x.atValue(), ...x.atInputs(field));
    const territories = (x.value.details ?? []).filter((d) => d.key.startsWith('territory_'));
    const names = territories.map((d) => {
      const name = `territory.${d.key.slice('territory_'.length)}.${field}`;
      x.count(name, { keys: [x.key(name)] }, x.atItem(d));
      return name;
    });
    const total = x.raw(field);
    const detailed = names.map((n) => x.raw(n));
    if (names.length > 0 && total !== null && detailed.every((r) => r !== null)) {
      const rest = total - detailed.reduce<number>((s, r) => s + (r ?? 0), 0);
      if (rest >= 0) {
        x.implicit('territory.rest', rest);
        x.equation(field, [...names, 'territory.rest']);
      }
    }
  };
}

const activeCaseload: Extractor = (x) => {
  x.count('caseload', { keys: [x.key('flow.caseload')] }, x.atValue());
  x.count('at_start', PRESENT_AT_START_KEYS(x), x.atBreakdown('present_at_start'), x.atDetail('at_start'), ...x.atInputs('presentAtStart'));
  x.count('entries', { keys: [x.key('flow.entries')] }, x.atBreakdown('entries'), ...x.atInputs('entries'));
  x.count('exits', { keys: [x.key('flow.exits')] }, x.atDetail('exits'), ...x.atInputs('exits'));
  x.count('at_end', { keys: [x.key('flow.at_end')] }, x.atDetail('at_end'));
  x.count('distinct', { keys: [x.key('flow.distinct')] }, x.atDetail('distinct_participants'));
  for (const item of x.value.breakdown ?? []) {
    x.share(item, item.key === 'present_at_start' ? 'at_start' : item.key, 'caseload');
  }
  // followed = present at start + entries; present at end = followed − exits
  x.equation('caseload', ['at_start', 'entries']);
  x.equation('caseload', ['at_end', 'exits']);
};

/**
 * monthly_caseload: per month, entries, exits and the caseload at month end, linked by
 * « followed in the month = previous month-end + entries = month-end + exits »,
 * the months adding up to the year's entries and exits, the first month starting from the
 * present on 1 January and the last month-end of the year being the present on 31 December.
 */
const monthlyCaseload: Extractor = (x) => {
  const months = new Map<string, Partial<Record<string, BreakdownItem>>>();
  for (const item of x.value.details ?? []) {
    const month = item.attributes?.['month'];
    const measure = item.attributes?.['measure'];
    if (typeof month !== 'string' || typeof measure !== 'string') continue;
    months.set(month, { ...(months.get(month) ?? {}), [measure]: item });
  }
  const order = [...months.keys()].sort();
  const lastOfPeriod = x.value.provenance.period?.end.slice(0, 7);
  x.count('at_start', PRESENT_AT_START_KEYS(x), ...x.atInputs('presentAtStart'));
  x.count('entries', { keys: [x.key('flow.entries')] }, ...x.atInputs('entries'));
  x.count('exits', { keys: [x.key('flow.exits')] }, ...x.atInputs('exits'));
  let previous = 'at_start';
  for (const month of order) {
    const items = months.get(month) ?? {};
    const at = (measure: string) => (items[measure] === undefined ? undefined : x.atItem(items[measure] as BreakdownItem));
    x.count(`entries.${month}`, { keys: [x.key(`month.entries.${month}`)] }, at('entries'));
    x.count(`exits.${month}`, { keys: [x.key(`month.exits.${month}`)] }, at('exits'));
    const endKeys = [x.key(`month.at_end.${month}`), ...(month === lastOfPeriod ? [x.key('flow.at_end')] : [])];
    x.count(`at_end.${month}`, { keys: endKeys }, at('at_end'));
    const [before, entries, exits, end] = [previous, `entries.${month}`, `exits.${month}`, `at_end.${month}`].map((n) => x.raw(n));
    if (before !== null && entries !== null && exits !== null && end !== null && before + entries === end + exits) {
      // one balance, not two equations through an unshown « followed » cell: the solver checks
      // equations one at a time, and the two together would give a month's flow back
      x.balance([`at_end.${month}`, `exits.${month}`], [previous, `entries.${month}`]);
    }
    previous = `at_end.${month}`;
  }
  // the value is the last month-end (same figure)
  const last = order[order.length - 1];
  if (last !== undefined) x.count(`at_end.${last}`, {}, x.atValue());
  for (const field of ['entries', 'exits'] as const) {
    const parts = order.map((month) => `${field}.${month}`);
    const sum = parts.reduce<number | null>((total, name) => (total === null || x.raw(name) === null ? null : total + (x.raw(name) ?? 0)), 0);
    if (parts.length > 0 && sum !== null && sum === x.raw(field)) x.equation(field, parts);
  }
};

/** Counts per category (refusals, referrers, age, situation, CCA decisions). */
function distribution(code: IndicatorCode): Extractor {
  return (x) => {
    x.count('total', { keys: [x.key(`${code}.total`)] }, x.atValue());
    x.partition('total', x.value.breakdown, code, true);
  };
}

const waitingList: Extractor = (x) => {
  x.count('end', { keys: [x.key('waiting.end')] }, x.atValue(), ...x.atInputs('atPeriodEnd'));
  x.partition('end', x.value.breakdown, 'waiting.category');
  x.count('added', { keys: [x.key('waiting.added')] }, x.atDetail('added_during_period'), ...x.atInputs('addedDuringPeriod'));
  // month-end stocks; the last one is the stock at period end (the value: same figure)
  const months = (x.value.details ?? []).filter((d) => typeof d.attributes?.['month'] === 'string');
  months.forEach((item, i) => {
    const month = String(item.attributes?.['month']);
    const name = i === months.length - 1 && item.value === x.raw('end') ? 'end' : `month.${month}`;
    x.count(name, { keys: [x.key(`waiting.month.${month}`)] }, x.atItem(item));
  });
};

const siaoReferralShare: Extractor = (x) => {
  // the destination « siao » of the split, when given, is the same figure
  x.count('to', { keys: [x.key('siao.to')], links: [x.key('siao.destination.siao')] }, ...x.atInputs('toSiao'));
  x.count('proposed', { keys: [x.key('siao.proposed')] }, ...x.atInputs('referralsProposed'));
  x.partition('proposed', x.value.details, 'siao.destination');
  const to = x.raw('to');
  const proposed = x.raw('proposed');
  if (to !== null && proposed !== null && proposed >= to) {
    // the referrals not sent to the SIAO follow by difference
    x.implicit('other', proposed - to);
    x.equation('proposed', ['to', 'other']);
  }
  x.derived('share', ['to', 'proposed'], x.atValue());
};

const handoverAtExit: Extractor = (x) => {
  const items = x.value.details ?? [];
  const raws = items.map((i) => i.value);
  const total = raws.every((r) => r !== null) ? raws.reduce<number>((s, r) => s + (r ?? 0), 0) : null;
  // exits (Σ items) and exits with a hand-over are printed in the formula text
  x.formulaCount('total', total, { links: [x.key('flow.exits')] });
  const names = x.partition('total', items, 'handover', true);
  const none = items.find((i) => i.key === 'none');
  const withHandover = total === null || none === undefined ? total : none.value === null ? null : total - none.value;
  x.formulaCount('with', withHandover);
  if (none !== undefined) x.equation('total', ['with', 'handover.none']);
  x.equation('with', names.filter((n) => n !== 'handover.none'));
  x.derived('share', ['with', 'total'], x.atValue());
};

const leaseTransfers: Extractor = (x) => {
  x.count('count', { keys: [x.key('lease_transfers.count')] }, x.atValue(), ...x.atInputs('count'));
};

const attendance: Extractor = (x) => {
  // visits are events, not people; a number of visits below the threshold bounds the number of
  // people (people ≤ visits), so it follows the same rule.
  x.count('visits', { keys: [x.key('attendance.visits')] }, x.atValue(), ...x.atInputs('visits'));
  x.count('people', { keys: [x.key('attendance.people')] }, x.atDetail('distinct_people'), ...x.atInputs('distinctPeople'));
  x.free(x.atDetail('opening_days'), ...x.atInputs('openingDays'));
  x.derived('per_day', ['visits'], x.atDetail('visits_per_opening_day'));
  x.derived('per_person', ['visits', 'people'], x.atDetail('visits_per_person'));
};

const outreachContacts: Extractor = (x) => {
  x.count('people', { keys: [x.key('outreach.people')] }, x.atValue(), ...x.atInputs('distinctPeople'));
  // contacts are events bounding the people met (people ≤ contacts): same rule as counts
  x.count('contacts', { keys: [x.key('outreach.contacts')] }, x.atDetail('contacts'), ...x.atInputs('contacts'));
  x.derived('per_person', ['people', 'contacts'], x.atDetail('contacts_per_person'));
  // outreach rounds are outings of the team, not people
  x.free(x.atDetail('rounds'));
};

const costPerParticipant: Extractor = (x) => {
  const distinct = x.atInputs('distinctParticipants');
  const ref = distinct.length > 0 ? 'distinctParticipants' : 'presentAtStart+entries';
  const link = distinct.length > 0 ? 'flow.distinct' : 'flow.caseload';
  x.count('participants', { links: [x.key(link)] }, x.atDetail('participants'), ...x.atInputs(ref));
  x.derived('per_person', ['participants'], x.atValue());
  x.free(x.atDetail('expenses'), ...x.atInputs('charges'));
};

const occupancyRate: Extractor = (x) => {
  // Computed on the people followed in the period (active caseload of the same programme-year);
  // without it, on the mean number of people present per day (a lower bound of the people).
  const days = x.value.provenance.inputs.find((i) => i.ref === 'participantDays')?.value ?? null;
  const open = x.value.provenance.inputs.find((i) => i.ref === 'daysOpen')?.value ?? null;
  const fallbackBase = days !== null && open !== null && open > 0 ? Math.ceil(days / open) : 0;
  const spec = { keyBases: [x.key('flow.caseload')], fallbackBase };
  x.derivedWith('rate', spec, x.atValue());
  x.derivedWith('participant_days', spec, x.atDetail('participant_days'), ...x.atInputs('participantDays'));
  x.free(x.atDetail('theoretical_days'), ...x.atInputs('capacity'), ...x.atInputs('daysOpen'));
};

const DURATION_BAND_KEYS = new Set(SENIORITY_BANDS.map((b) => b.key));

const avgDuration: Extractor = (x) => {
  x.count('n', { links: [x.key('flow.exits')] }, x.atDetail('closed_episodes'), ...x.atInputs('closedEpisodes'));
  x.partition('n', (x.value.details ?? []).filter((d) => DURATION_BAND_KEYS.has(d.key)), 'duration.band');
  x.derived('mean', ['n'], x.atValue());
  x.derived('min', ['n'], x.atDetail('min_days'));
  x.derived('max', ['n'], x.atDetail('max_days'));
  x.derived('sum', ['n'], ...x.atInputs('sumDurationDays'));
};

const medianDuration: Extractor = (x) => {
  x.count('events', { links: [x.key('flow.exits')] }, x.atDetail('events'), ...x.atInputs('events'));
  x.count('censored', { links: [x.key('flow.at_end')] }, x.atDetail('censored'), ...x.atInputs('censored'));
  // The median is an observed exit duration: computed on the closed episodes.
  x.derived('median', ['events'], x.atValue());
  x.derived('min', ['events', 'censored'], x.atDetail('min_observed_days'));
  x.derived('max', ['events', 'censored'], x.atDetail('max_observed_days'));
  x.derived('survival', ['events', 'censored'], x.atDetail('survival_at_median'));
};

const seniority: Extractor = (x) => {
  x.count('n', { links: [x.key('flow.at_end')] }, x.atDetail('open_episodes'), ...x.atInputs('openEpisodes'));
  x.partition('n', (x.value.details ?? []).filter((d) => DURATION_BAND_KEYS.has(d.key)), 'seniority.band');
  x.derived('mean', ['n'], x.atValue());
  x.derived('min', ['n'], x.atDetail('min_days'));
  x.derived('max', ['n'], x.atDetail('max_days'));
  x.derived('sum', ['n'], ...x.atInputs('sumSeniorityDays'));
};

const targetCompletion: Extractor = (x) => {
  const details = x.value.details ?? [];
  for (const d of details) {
    const measure = d.attributes?.['measure'];
    const links =
      measure === 'period_caseload' ? [x.key('flow.caseload')] : measure === 'caseload_at_end' ? [x.key('flow.at_end')] : [];
    const name = `achieved.${d.key}`;
    x.count(name, { keys: [x.key(`target.${d.key}`)], links }, x.atAttribute(d, 'achieved'), ...x.atInputs(d.key));
    x.free(x.atAttribute(d, 'target'), ...x.atInputs(`${d.key}_target`));
    x.derived(`completion.${d.key}`, [name], x.atItem(d));
  }
  const main = details[0];
  if (main !== undefined) x.derived('main', [`achieved.${main.key}`], x.atValue());
};

/**
 * Extractor of each indicator; null = no people figure (`peopleCount: 'none'`). A `Record` so that a
 * new catalogue code cannot be forgotten.
 */
export const EXTRACTORS: Readonly<Record<IndicatorCode, Extractor | null>> = {
  fte_total: null,
  fte_by_job: null,
  payroll: null,
  payroll_growth: null,
  payroll_ratio: null,
  staff_cost_ratio: null,
  social_fund_growth: null,
  cumulative_surplus: null,
  head_office_ratio: null,
  funding_by_funder: null,
  cost_per_participant: costPerParticipant,
  entries: flow('entries'),
  exits: flow('exits'),
  active_caseload: activeCaseload,
  monthly_caseload: monthlyCaseload,
  occupancy_rate: occupancyRate,
  avg_duration_days: avgDuration,
  median_duration_days: medianDuration,
  seniority_of_present_days: seniority,
  waiting_list: waitingList,
  refusals: distribution('refusals'),
  referral_decisions: distribution('referral_decisions'),
  siao_referral_share: siaoReferralShare,
  referrers: distribution('referrers'),
  profile_age: distribution('profile_age'),
  profile_situation: distribution('profile_situation'),
  handover_at_exit: handoverAtExit,
  lease_transfers: leaseTransfers,
  attendance,
  outreach_contacts: outreachContacts,
  target_completion: targetCompletion,
  head_office_cap: null,
  no_deficit_carried_over: null,
  pacte_parity: null,
};

/** Registers the cells of `value` (nothing for indicators without people figures). */
export function extract(registry: Registry, value: IndicatorValue, valueIndex: number): boolean {
  if (peopleCountRole(value.code) === 'none') return false;
  const x = new ValueExtraction(registry, value, valueIndex);
  const extractor = (EXTRACTORS as Partial<Record<string, Extractor | null>>)[value.code];
  extractor?.(x);
  x.fallback();
  return true;
}
