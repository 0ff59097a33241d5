import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable</h1>
      <p>L’adresse demandée ne correspond à aucune page.</p>
      <p>
        <Link to="/">Retour à l’accueil</Link>
      </p>
    </>
  );
}
