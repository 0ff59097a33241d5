export type {
  AgreementPeriod,
  AllowedCode,
  BudgetRow,
  ColumnSpec,
  ColumnType,
  DatasetKey,
  DatasetSpec,
  EpisodeRow,
  FundingEarmarkRow,
  FundingRow,
  ImportError,
  ImportLimits,
  ImportResult,
  MonthlyActivityRow,
  ParseImportInput,
  StaffRow,
  TemplateOptions,
  TypedRow,
  TypedRowByDataset,
} from './lib/types';
export { DATASET_KEYS } from './lib/types';
export { DATASET_SPECS, datasetSpec, isDatasetKey } from './lib/datasets';
export { BUDGET_GROUPS, FUNDERS, groupOfAccount } from './lib/datasets/reference-lists';
export type { BudgetGroupDef } from './lib/datasets/reference-lists';
export { PSEUDONYM_PATTERN } from './lib/datasets/episodes';
export { DEFAULT_LIMITS, ImportRejectedError, isImportRejectedError } from './lib/errors';
export type { ImportRejectionCode } from './lib/errors';
export { parseImportFile, detectFormat } from './lib/parse';
export { buildTemplate, exportDataset } from './lib/template';
export { contentHash, CONTENT_HASH_VERSION } from './lib/hash';
export { forbiddenColumn } from './lib/forbidden';
