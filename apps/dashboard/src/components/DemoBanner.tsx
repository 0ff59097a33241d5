import { useSessionUser } from '../auth/AuthProvider';

/**
 * Warns that some of the data on the page are demonstration data, not figures of a signed document.
 * Not repeated when the whole application is in demo mode: `DemoModeBanner` is then on every page.
 */
export function DemoBanner({ show }: { show: boolean }) {
  const user = useSessionUser();
  if (!show || user?.demoMode === true) {
    return null;
  }
  return (
    <div className="demo-banner" role="note" aria-label="Données de démonstration">
      <p>
        <strong>Données de démonstration.</strong> Une partie des données affichées sur cette page a été créée pour
        la démonstration : elle ne provient pas des documents signés et ne doit pas être utilisée pour une décision.
      </p>
    </div>
  );
}

/** On every page when the application runs in demo mode (`me.demoMode`, or demo accounts offered at sign-in). */
export function DemoModeBanner() {
  return (
    <div className="demo-banner" role="note" aria-label="Données de démonstration">
      <p>
        <strong>Données de démonstration.</strong> Cette application fonctionne en mode démonstration : les données
        d’activité et les budgets réalisés ont été créés pour la démonstration, ils ne proviennent pas des documents
        signés et ne doivent pas être utilisés pour une décision. Les comptes sont des comptes de démonstration.
      </p>
    </div>
  );
}
