import { parse, pseudonymise, utc, xlsx } from './helpers';

describe('a valid file parses into typed rows without any error', () => {
  it('budget: account lines, a line without account, decimal comma, numbers and text amounts', async () => {
    const bytes = await xlsx([
      {
        name: 'Budget réalisé',
        rows: [
          ['Compte', 'Libellé', 'Montant (€)', 'Groupe', 'Financeur'],
          ['606120', 'Eau, électricité, chauffage', '4 230,18', null, null],
          [641100, 'Salaires', 312000.5, null, null],
          [null, 'Charges de personnel mises à disposition', '12 000', '63/64 – Charges de personnel', null],
          ['635130', 'Autres impôts locaux', '0', '63', null],
          ['741000', 'Subvention Ville de Dijon', '382 474', null, 'Ville de Dijon'],
          ['706000', 'Participations des usagers', '-12,5', '70 – Ventes de produits et prestations de services', ''],
        ],
      },
    ]);
    const result = await parse('budget', bytes, 'budget.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(result.format).toBe('xlsx');
    expect(result.sheet).toBe('Budget réalisé');
    expect(result.rows).toEqual([
      { side: 'expenses', groupCode: '60', groupLabel: 'Achats', accountCode: '606120', label: 'Eau, électricité, chauffage', amountCents: 423018, funderCode: null },
      { side: 'expenses', groupCode: '63/64', groupLabel: 'Charges de personnel', accountCode: '641100', label: 'Salaires', amountCents: 31200050, funderCode: null },
      { side: 'expenses', groupCode: '63/64', groupLabel: 'Charges de personnel', accountCode: null, label: 'Charges de personnel mises à disposition', amountCents: 1200000, funderCode: null },
      { side: 'expenses', groupCode: '63', groupLabel: 'Impôts et taxes (hors personnel)', accountCode: '635130', label: 'Autres impôts locaux', amountCents: 0, funderCode: null },
      { side: 'income', groupCode: '74', groupLabel: "Subventions d'exploitation", accountCode: '741000', label: 'Subvention Ville de Dijon', amountCents: 38247400, funderCode: 'ville-dijon' },
      { side: 'income', groupCode: '70', groupLabel: 'Ventes de produits et prestations de services', accountCode: '706000', label: 'Participations des usagers', amountCents: -1250, funderCode: null },
    ]);
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('funding: codes or names of funders, earmarked part, signatory', async () => {
    const bytes = await xlsx([
      {
        name: 'Feuil1',
        rows: [
          ['Financeur', 'Libellé', 'Montant reçu (€)', 'Dont part fléchée (€)', 'Libellé de la part fléchée', 'Signataire'],
          ['etat', 'État crédits BOP 177', 292807, 43483, 'Primes Ségur', 'Oui'],
          ['ARS', null, '120 000', null, null, 'non'],
          ['Ville de Dijon', null, '382 474,00', '25 000', 'Renfort maraudes', true],
        ],
      },
    ]);
    const result = await parse('funding', bytes, 'financements.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { funderCode: 'etat', label: 'État crédits BOP 177', amountCents: 29280700, funderIsSignatory: true, earmark: { kind: 'segur', label: 'Primes Ségur', amountCents: 4348300 } },
      { funderCode: 'ars-bfc', label: 'ARS Bourgogne-Franche-Comté', amountCents: 12000000, funderIsSignatory: false, earmark: null },
      { funderCode: 'ville-dijon', label: 'Ville de Dijon', amountCents: 38247400, funderIsSignatory: true, earmark: { kind: 'other', label: 'Renfort maraudes', amountCents: 2500000 } },
    ]);
  });

  it('staff: job codes or labels, FTE with decimal comma, optional posts', async () => {
    const bytes = await xlsx([
      {
        name: 'Personnel ETP',
        rows: [
          ['Code métier', 'Libellé', 'ETP', 'Nombre de postes'],
          ['head-of-service', null, 1, 1],
          ['Travailleur social / intervenant social', 'Éducateur spécialisé', '2,5', '3'],
          ['Autre fonction (préciser le libellé)', 'Agent d’entretien', 0.35, null],
        ],
      },
    ]);
    const result = await parse('staff', bytes, 'etp.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { jobCode: 'head-of-service', jobTitle: 'Chef de service', fte: 1, posts: 1 },
      { jobCode: 'social-worker', jobTitle: 'Éducateur spécialisé', fte: 2.5, posts: 3 },
      { jobCode: 'other', jobTitle: 'Agent d’entretien', fte: 0.35, posts: null },
    ]);
  });

  it('episodes: the identifier becomes a pseudonymous key and is never returned; dates in any accepted form', async () => {
    const bytes = await xlsx(
      [
        {
          name: 'Accompagnements',
          rows: [
            ['Identifiant personne', 'Type', "Date d'entrée", 'Date de sortie', "Tranche d'âge", 'Situation', 'Orienteur', 'Décision', 'Relais à la sortie', 'Glissement de bail', 'Commune'],
            ['DOS-0042', 'Suivi', utc('2023-03-15'), '30/09/2023', '25 à 34 ans', 'Personne seule', 'SIAO', 'Accord', 'Logement accompagné', 'Oui', 'Dijon'],
            ['DOS-0057', 'co_evaluation', '2022-11-02', null, '45-54', 'famille_monoparentale', 'CCAS de Chenôve', "Accord avec liste d'attente", null, null, 'Chenôve'],
            ['DOS-0042', 'suivi', 45231, null, null, null, null, null, null, 'non', null],
          ],
          numFmts: { 3: 'dd/mm/yyyy' },
        },
      ],
    );
    const result = await parse('episodes', bytes, 'parcours.xlsx', { agreementPeriod: { start: '2022-01-01', end: '2024-12-31' } });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        participantKey: pseudonymise('DOS-0042'),
        kind: 'follow_up',
        entryDate: '2023-03-15',
        exitDate: '2023-09-30',
        ageBand: '25-34',
        householdSituation: 'personne_seule',
        referrer: 'siao',
        referralDecision: 'accord',
        handover: 'logement_accompagne',
        leaseTransfer: true,
        commune: 'Dijon',
      },
      {
        participantKey: pseudonymise('DOS-0057'),
        kind: 'co_evaluation',
        entryDate: '2022-11-02',
        exitDate: null,
        ageBand: '45-54',
        householdSituation: 'famille_monoparentale',
        referrer: 'ccas_chenove',
        referralDecision: 'accord_waiting_list',
        handover: null,
        leaseTransfer: false,
        commune: 'Chenôve',
      },
      {
        participantKey: pseudonymise('DOS-0042'),
        kind: 'follow_up',
        entryDate: '2023-11-01',
        exitDate: null,
        ageBand: null,
        householdSituation: null,
        referrer: null,
        referralDecision: null,
        handover: null,
        leaseTransfer: false,
        commune: null,
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('DOS-');
  });

  it('monthly activity: months in several forms, empty counts stay null', async () => {
    const bytes = await xlsx([
      {
        name: 'Activité mensuelle',
        rows: [
          ['Mois', "Jours d'ouverture", 'Passages accueil de jour', 'Personnes distinctes accueil de jour', 'Contacts maraude', 'Personnes distinctes maraude', "Liste d'attente fin de mois"],
          ['01/2023', 25, '1 240', 310, 180, 95, 12],
          ['février 2023', '23', '1105', '288', null, null, '9'],
          [utc('2023-03-01'), 27, 1302, 301, 150, 80, 0],
          [4, null, null, null, null, null, 3],
        ],
        numFmts: { 1: 'mm/yyyy' },
      },
    ]);
    const result = await parse('monthly_activity', bytes, 'activite.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.month)).toEqual(['2023-01-01', '2023-02-01', '2023-03-01', '2023-04-01']);
    expect(result.rows[1]).toEqual({
      month: '2023-02-01',
      openingDays: 23,
      attendanceVisits: 1105,
      attendanceDistinctPeople: 288,
      outreachContacts: null,
      outreachDistinctPeople: null,
      waitingListEnd: 9,
    });
    expect(result.rows[0]?.attendanceVisits).toBe(1240);
  });
});
