import type { ColumnSpec, DatasetKey, DatasetSpec } from '../types';
import { budgetDataset } from './budget';
import type { DatasetDef } from './dataset-def';
import { episodesDataset } from './episodes';
import { fundingDataset } from './funding';
import { monthlyActivityDataset } from './monthly-activity';
import { staffDataset } from './staff';

export const DATASET_DEFS: { readonly [D in DatasetKey]: DatasetDef<D> } = {
  budget: budgetDataset,
  funding: fundingDataset,
  staff: staffDataset,
  episodes: episodesDataset,
  monthly_activity: monthlyActivityDataset,
};

export function isDatasetKey(value: unknown): value is DatasetKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DATASET_DEFS, value);
}

/** Public column specification of a dataset (headers, types, codes with French labels, help, examples). */
export function datasetSpec(dataset: DatasetKey): DatasetSpec {
  const def = DATASET_DEFS[dataset];
  return {
    ...def.spec,
    columns: def.columns.map(
      (c): ColumnSpec => ({
        key: c.key,
        header: c.header,
        aliases: c.aliases,
        type: c.type,
        required: c.required,
        ...(c.codes !== undefined ? { codes: c.codes } : {}),
        help: c.help,
        example: c.example,
        width: c.width,
      }),
    ),
  };
}

/** Every dataset's specification, in the order of `DATASET_KEYS`. */
export const DATASET_SPECS: readonly DatasetSpec[] = (Object.keys(DATASET_DEFS) as DatasetKey[]).map(datasetSpec);

/** Example rows of the « Exemples » sheet, dated in `year` (the definitions are written for 2023). */
export function examplesFor(dataset: DatasetKey, year: number): Record<string, string>[] {
  return DATASET_DEFS[dataset].spec.examples.map((example) =>
    Object.fromEntries(Object.entries(example).map(([k, v]) => [k, v.replace(/2023/g, String(year))])),
  );
}
