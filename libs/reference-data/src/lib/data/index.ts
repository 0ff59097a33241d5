import type { ReferenceData } from '../types';
import { agreements } from './agreements';
import { budgets } from './budgets';
import { cafTargets } from './caf';
import { coordinationCommission } from './coordination-commission';
import { fundings, fundingSummaryNotes } from './fundings';
import { obligationRules } from './obligation-rules';
import { organisations } from './organisations';
import { pacte } from './pacte';
import { programmes } from './programmes';

/** All the reference data transcribed from `shared/seeds` (documents 000 to 004). */
export const referenceData: ReferenceData = {
  organisations,
  agreements,
  programmes,
  budgets,
  fundings,
  fundingSummaryNotes,
  obligationRules,
  pacte,
  cafTargets,
  coordinationCommission,
};
