import { Organisation } from './organisation.entity';
import { Agreement, AgreementArticle, AgreementSignatory } from './agreement.entity';
import { CapacityTarget, IndicatorRequirement, Programme, ProgrammePilot } from './programme.entity';
import {
  Budget,
  BudgetGroup,
  BudgetLine,
  Earmark,
  Funding,
  FundingNote,
  OperatingResult,
  SocialLifeFund,
  StaffLine,
} from './finance.entity';
import { AgreementAction, AgreementTarget, ObligationRule, ReconciliationFinding, ReferenceDataLoad } from './governance.entity';
import { FrozenActivityInput, MonthlyActivity, Referral, SupportEpisode } from './activity.entity';
import { AppUser, AuditLog, UserSession } from './auth.entity';
import { AnnualReport, AnnualReportVersion } from './report.entity';
import { ImportVersion } from './import.entity';
import { DataVersion, ProgrammeDataVersion, ProgrammeYearResult } from './data-version.entity';

export * from './organisation.entity';
export * from './agreement.entity';
export * from './programme.entity';
export * from './finance.entity';
export * from './governance.entity';
export * from './activity.entity';
export * from './auth.entity';
export * from './report.entity';
export * from './import.entity';
export * from './data-version.entity';

/** Every entity, listed explicitly (globs do not survive the webpack bundle). */
export const ENTITIES = [
  Organisation,
  Agreement,
  AgreementSignatory,
  AgreementArticle,
  Programme,
  ProgrammePilot,
  CapacityTarget,
  IndicatorRequirement,
  Budget,
  BudgetGroup,
  BudgetLine,
  Earmark,
  Funding,
  FundingNote,
  StaffLine,
  SocialLifeFund,
  OperatingResult,
  ObligationRule,
  ReconciliationFinding,
  AgreementAction,
  AgreementTarget,
  SupportEpisode,
  Referral,
  MonthlyActivity,
  ReferenceDataLoad,
  AppUser,
  UserSession,
  AuditLog,
  AnnualReport,
  AnnualReportVersion,
  ImportVersion,
  FrozenActivityInput,
  ProgrammeDataVersion,
  DataVersion,
  ProgrammeYearResult,
];
