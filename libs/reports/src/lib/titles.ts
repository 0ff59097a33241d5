/** Titles of the sections of the annual report, in order (also the entries of the table of contents). */
export const SECTION_TITLES = {
  cover: '1. Couverture',
  synthesis: '2. Synthèse',
  means: '3. Moyens',
  activity: '4. Activité et résultats',
  profile: '5. Profil des personnes',
  qualitative: '6. Bilan qualitatif',
  financial: '7. Bilan financier',
  methodology: '8. Annexe méthodologique',
} as const;

export const TOC_TITLE = 'Sommaire';

/** Shown in section 6 until the narrative editor exists. */
export const QUALITATIVE_PLACEHOLDER = "Le bilan qualitatif n'a pas encore été rédigé.";

/** Page listing earlier versions (version 2 and later). */
export const CHANGELOG_TITLE = 'Historique des versions';
