/** Warns that some of the data on the page are demonstration data, not figures of a signed document. */
export function DemoBanner({ show }: { show: boolean }) {
  if (!show) {
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
