import { InitialSchema1795458580995 } from './1795458580995-InitialSchema';
import { ActivityBasisAndKind1795460016237 } from './1795460016237-ActivityBasisAndKind';
import { AuthAndAudit1796079050497 } from './1796079050497-AuthAndAudit';
import { AnnualReportLifecycle1796080019319 } from './1796080019319-AnnualReportLifecycle';
import { FrozenActivityInput1796082000915 } from './1796082000915-FrozenActivityInput';
import { EarmarkIndexes1796084425115 } from './1796084425115-EarmarkIndexes';
import { ImportVersions1796080994932 } from './1796080994932-ImportVersions';
import { DataVersions1796093409622 } from './1796093409622-DataVersions';
import { ImportRowsGzip1796094042599 } from './1796094042599-ImportRowsGzip';
import { ProgrammeYearResults1796103934158 } from './1796103934158-ProgrammeYearResults';

/** Migrations in order, imported as classes (globs do not survive the webpack bundle). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [InitialSchema1795458580995, ActivityBasisAndKind1795460016237, AuthAndAudit1796079050497, AnnualReportLifecycle1796080019319, ImportVersions1796080994932, FrozenActivityInput1796082000915, EarmarkIndexes1796084425115, DataVersions1796093409622, ImportRowsGzip1796094042599, ProgrammeYearResults1796103934158];
