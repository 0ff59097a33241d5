import { forbiddenColumn } from '../lib/forbidden';
import { csv, parse, utc, xlsx } from './helpers';

describe('a file with a directly identifying column is refused as a whole', () => {
  it('XLSX episodes with « Nom », « Prénom » and « Date de naissance »: no row read, CNIL explanation on each', async () => {
    const bytes = await xlsx([
      {
        name: 'Accompagnements',
        rows: [
          ['Identifiant personne', 'Nom', 'Prénom', 'Date de naissance', 'Type', "Date d'entrée"],
          ['A-001', 'Martin', 'Jeanne', utc('1980-02-03'), 'Suivi', '10/01/2023'],
        ],
      },
    ]);
    const result = await parse('episodes', bytes, 'parcours.xlsx');
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [1, 'Nom (B)', 'Nom'],
      [1, 'Prénom (C)', 'Prénom'],
      [1, 'Date de naissance (D)', 'Date de naissance'],
    ]);
    for (const error of result.errors) {
      expect(error.message).toMatch(/^Colonne interdite/);
      expect(error.message).toContain('CNIL');
      expect(error.message).toContain('pseudonymisation');
      expect(error.message).toContain("aucune ligne n'a été lue");
    }
    expect(JSON.stringify(result)).not.toMatch(/Martin|Jeanne|1980/);
  });

  it('CSV staff with an e-mail column and a NIR column is refused too (staff are counted by job, never named)', async () => {
    const text = 'Code métier;ETP;Courriel;N° de sécurité sociale\nhead-of-service;1;chef@example.org;185057800608436\n';
    const result = await parse('staff', csv(text), 'etp.csv');
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => e.column)).toEqual(['Courriel (C)', 'N° de sécurité sociale (D)']);
    expect(JSON.stringify(result)).not.toMatch(/example\.org|185057800608436/);
  });

  it('recognises the usual spellings, and leaves organisation names and known columns alone', () => {
    for (const header of ['NOM', 'Nom de famille', 'prénom(s)', 'Nom et prénom', 'DDN', 'Né(e) le', 'NIR', 'N° SS', 'Numéro de sécurité sociale', 'Adresse postale', 'Code postal', 'Téléphone', 'Tél.', 'Portable', 'E-mail', 'Mail', 'Courriel', 'N° allocataire CAF', 'First name']) {
      expect([header, forbiddenColumn(header)]).not.toEqual([header, null]);
    }
    for (const header of ['Nom du financeur', 'Nom de la commune', 'Libellé', 'Commune', 'Identifiant personne', 'Montant (€)', 'Situation', 'Personnes distinctes maraude']) {
      expect([header, forbiddenColumn(header)]).toEqual([header, null]);
    }
  });
});
