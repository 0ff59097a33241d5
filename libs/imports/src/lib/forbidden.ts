/**
 * Columns that would carry directly identifying personal data. A file with one of them is refused
 * as a whole, without reading any of its values: only a pseudonymous key (or the operator's own
 * identifier, pseudonymised at once) may identify a participant, and staff are counted by job title.
 */
import { normaliseKey } from './normalise';

interface ForbiddenRule {
  /** What the column holds, in French, for the message. */
  what: string;
  test: (tokens: readonly string[], joined: string) => boolean;
}

const has = (tokens: readonly string[], ...words: string[]): boolean => words.some((w) => tokens.includes(w));

/** Words that make a « nom … » header the name of an organisation or a thing, not of a person. */
const NOT_A_PERSON = [
  'financeur', 'organisme', 'structure', 'commune', 'ville', 'dispositif', 'programme', 'compte', 'service',
  'partenaire', 'metier', 'poste', 'fonction', 'qualification', 'prescripteur', 'orienteur', 'association',
  'etablissement', 'operateur', 'groupe', 'fichier', 'liste', 'bailleur',
];

const RULES: readonly ForbiddenRule[] = [
  {
    what: 'un nom ou un prénom',
    test: (t) =>
      (has(t, 'nom', 'noms', 'name', 'names', 'patronyme', 'surname', 'firstname', 'lastname', 'fullname') && !has(t, ...NOT_A_PERSON)) ||
      has(t, 'prenom', 'prenoms'),
  },
  {
    what: 'une date ou un lieu de naissance',
    test: (t, j) => has(t, 'naissance', 'ddn', 'dob', 'birthdate', 'birthday', 'birth') || /\bnee? (e )?le\b/.test(j),
  },
  {
    what: 'un numéro de sécurité sociale (NIR)',
    test: (t, j) =>
      has(t, 'nir', 'secu', 'insee', 'ssn', 'ss', 'nss') || j.includes('securite sociale') || j.includes('social security'),
  },
  {
    what: 'une adresse postale',
    test: (t, j) => has(t, 'adresse', 'adresses', 'address', 'rue') || j.includes('code postal') || j.includes('lieu de residence'),
  },
  {
    what: 'un numéro de téléphone',
    test: (t) => has(t, 'telephone', 'tel', 'portable', 'phone', 'gsm'),
  },
  {
    what: 'une adresse électronique',
    test: (t) => has(t, 'email', 'mail', 'courriel', 'emails', 'mel'),
  },
  {
    what: 'un numéro d’identification personnel (allocataire, passeport, titre de séjour, IBAN…)',
    test: (t, j) => has(t, 'allocataire', 'passeport', 'passport', 'iban', 'cni') || j.includes('titre de sejour') || j.includes('carte d identite'),
  },
  {
    what: 'une photographie',
    test: (t) => has(t, 'photo', 'photographie'),
  },
];

/** What the header would hold (French) when it is a forbidden column, else null. */
export function forbiddenColumn(header: string): string | null {
  const joined = normaliseKey(header);
  if (joined === '') return null;
  const tokens = joined.split(' ');
  return RULES.find((rule) => rule.test(tokens, joined))?.what ?? null;
}

/** The French explanation shown for a forbidden column. */
export function forbiddenColumnMessage(header: string, what: string): string {
  return (
    `Colonne interdite « ${header} » : elle contiendrait ${what}, une donnée directement identifiante. ` +
    `Conformément au RGPD et aux recommandations de la CNIL (minimisation des données, pseudonymisation), ` +
    `la plateforme ne reçoit ni nom, ni prénom, ni date de naissance, ni NIR, ni adresse, ni téléphone, ni courriel : ` +
    `une personne n'y est désignée que par l'identifiant interne de votre logiciel, transformé en clé pseudonyme dès l'import. ` +
    `Supprimez cette colonne du fichier puis importez-le à nouveau ; aucune ligne n'a été lue.`
  );
}
