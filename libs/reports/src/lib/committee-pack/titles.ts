/** Titles of the sections of the « comité de suivi » pack, in order (also the table of contents). */
export const COMMITTEE_SECTION_TITLES = {
  synthesis: '1. Synthèse',
  trends: '2. Évolution sur trois ans',
  funding: '3. Financements par financeur',
  compliance: '4. Contrôles de conformité',
  reports: '5. Statut des bilans',
} as const;

/** Sheets of the XLSX workbook, in order. */
export const COMMITTEE_SHEET_NAMES = {
  synthesis: 'Synthèse',
  trends: 'Évolution',
  funding: 'Financements',
  compliance: 'Conformité',
  reports: 'Bilans',
} as const;

/** Printed next to a report whose due date has passed while it is still a draft (« projet »). */
export const COMMITTEE_LATE_LABEL = 'en retard';
