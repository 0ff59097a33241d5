import { csv, parse, pseudonymise, xlsx } from './helpers';

describe('a file with exactly 3 planted errors returns exactly those 3 errors', () => {
  it('XLSX budget: bad amount, duplicate account, group contradicting the account', async () => {
    const bytes = await xlsx([
      {
        name: 'Budget réalisé',
        rows: [
          ['Compte', 'Libellé', 'Montant (€)', 'Groupe'],
          ['606120', 'Eau, électricité, chauffage', '4 230,18', null],
          ['606260', 'Fournitures hôtelières', '12,345', null], // 3 decimals
          ['611000', 'Sous-traitance', '1 500', null],
          ['606120', 'Eau (encore)', '10', null], // duplicate account
          ['623000', 'Publicité', '800', null],
          ['606300', 'Petit équipement', '250', '61 – Services extérieurs'], // account of group 60
          ['741000', 'Subvention', '100 000', null],
        ],
      },
    ]);
    const result = await parse('budget', bytes, 'budget.xlsx');
    expect(result.errors).toEqual([
      {
        sheet: 'Budget réalisé',
        row: 3,
        column: 'Montant (€) (C)',
        value: '12,345',
        message: 'Montant invalide : « 12,345 ». Formats acceptés : 18 782 ; 3 960,00 ; 1 234,56 (2 décimales au plus).',
      },
      {
        sheet: 'Budget réalisé',
        row: 5,
        column: 'Compte (A)',
        value: '606120',
        message:
          'Doublon : le compte 606120 figure déjà ligne 2 (une seule ligne par compte (ou, pour une ligne sans compte, par groupe et libellé)).',
      },
      {
        sheet: 'Budget réalisé',
        row: 7,
        column: 'Groupe (D)',
        value: '61 – Services extérieurs',
        message:
          'Le compte 606300 relève du groupe 60 (Achats), pas du groupe 61 : corrigez le compte ou le groupe (ou videz le groupe, il est déduit du compte).',
      },
    ]);
    expect(result.errorCount).toBe(3);
    // The other rows are valid and returned; the three faulty ones are not.
    expect(result.rows.map((r) => r.accountCode)).toEqual(['606120', '611000', '623000', '741000']);
  });

  it('CSV episodes: exit before entry, unknown age band, identifier that looks like a NIR (never echoed)', async () => {
    const text = [
      "Identifiant personne;Type;Date d'entrée;Date de sortie;Tranche d'âge;Commune",
      'A-001;Suivi;10/01/2023;;25 à 34 ans;Dijon',
      'A-002;Suivi;10/05/2023;09/05/2023;18-24;Talant',
      'A-003;Co-évaluation;01/06/2023;;30 à 40 ans;Longvic',
      '1 85 05 78 006 084 36;Suivi;01/07/2023;;65+;Dijon',
      'A-005;Suivi;01/08/2023;31/12/2023;55-64;Quetigny',
    ].join('\r\n');
    const result = await parse('episodes', csv(text), 'episodes.csv');
    expect(result.errors).toEqual([
      {
        sheet: null,
        row: 3,
        column: 'Date de sortie (D)',
        value: '09/05/2023',
        message: "La date de sortie (09/05/2023) est antérieure à la date d'entrée (10/05/2023).",
      },
      {
        sheet: null,
        row: 4,
        column: "Tranche d'âge (E)",
        value: '30 à 40 ans',
        message:
          'Valeur inconnue : « 30 à 40 ans ». Valeurs acceptées (code ou libellé) : 18 à 24 ans ; 25 à 34 ans ; 35 à 44 ans ; 45 à 54 ans ; 55 à 64 ans ; 65 ans et plus.',
      },
      {
        sheet: null,
        row: 5,
        column: 'Identifiant personne (A)',
        value: null,
        message:
          "L'identifiant ressemble à un numéro de sécurité sociale (NIR) : son utilisation est interdite ici. Utilisez l'identifiant interne de votre logiciel de suivi.",
      },
    ]);
    expect(result.rows.map((r) => r.participantKey)).toEqual([pseudonymise('A-001'), pseudonymise('A-005')]);
    expect(JSON.stringify(result)).not.toContain('85 05 78');
  });
});
