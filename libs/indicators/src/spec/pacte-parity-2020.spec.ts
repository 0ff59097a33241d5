import { parseEurosToCents as eur } from '@sdat/format';
import { computePacteParity, type PacteParityInput } from '../index';

/**
 * Source: Pacte de solidarité Dijon Métropole 2020, table of actions (Montant État / Montant
 * Dijon métropole): 76 000 / 7 500 / 5 000 / 6 000 / 7 500 / 66 500 / 7 000 / 5 225 / 15 000 / 4 275,
 * identical on both sides; Total 200 000 € each → Métropole ≥ État: conforme (écart 0 €).
 */
const amounts: [string, string, string][] = [
  ['1.1', 'Professionnels dédiés aux démarches administratives', '76 000'],
  ['1.2', 'Compétences nouvelles pour un réseau d’acteurs', '7 500'],
  ['1.3', 'Publics premiers acteurs de leur autonomie', '5 000'],
  ['1.4', 'Action sociale décloisonnée', '6 000'],
  ['1.5', 'Fonction d’accueil et design social', '7 500'],
  ['2.1', 'Accompagnement renforcé logement', '66 500'],
  ['2.2', 'Accompagnement spécifique lié au logement', '7 000'],
  ['2.3', 'Équipe mobile troubles psychiques', '5 225'],
  ['3.1', 'Prospection téléphonique mutualisée', '15 000'],
  ['3.2', 'Gestion partagée des denrées', '4 275'],
];
const pacte: PacteParityInput = {
  year: 2020,
  actions: amounts.map(([code, label, amount]) => ({ code, label, stateCents: eur(amount), metropoleCents: eur(amount) })),
};

describe('Pacte parity 2020', () => {
  it('200 000 € each: compliant', () => {
    const value = computePacteParity(pacte);
    expect(value.passed).toBe(true);
    expect(value.programmeCode).toBeNull();
    expect(value.details?.find((d) => d.key === 'state_total')?.value).toBe(eur('200 000'));
    expect(value.details?.find((d) => d.key === 'metropole_total')?.value).toBe(eur('200 000'));
    expect(value.provenance.formulaText).toBe(
      'Dijon Métropole 200\u00a0000\u00a0€ ≥ État 200\u00a0000\u00a0€ (écart 0\u00a0€) : conforme',
    );
  });

  it('Métropole 5 000 € short on action 2.1: non compliant, action named', () => {
    const short: PacteParityInput = {
      ...pacte,
      actions: pacte.actions.map((a) => (a.code === '2.1' ? { ...a, metropoleCents: eur('61 500') } : a)),
    };
    const value = computePacteParity(short);
    expect(value.passed).toBe(false);
    expect(value.status).toBe('alert');
    expect(value.details?.find((d) => d.key === 'difference')?.value).toBe(-eur('5 000'));
    expect(value.provenance.notes?.[0]).toMatch(/2\.1/);
  });

  it('no action → no_data', () => {
    expect(computePacteParity({ year: 2021, actions: [] }).flags[0]?.code).toBe('no_data');
  });
});
