import { DemoBanner } from '../components/DemoBanner';
import { ProgrammeCardGrid, useProgrammeCards } from '../components/ProgrammeCard';
import { QueryResult } from '../components/QueryResult';
import { useDocumentTitle } from '../use-document-title';

/** `/dispositifs`: every programme, as on the home page. */
export function ProgrammesPage() {
  useDocumentTitle('Dispositifs');
  const { programmes, cards, showDemo } = useProgrammeCards();
  return (
    <>
      <h1>Dispositifs</h1>
      <DemoBanner show={showDemo} />
      <p className="lead">
        Les dispositifs financés par les conventions : chacun a son budget, son personnel, son public et ses
        indicateurs.
      </p>
      <QueryResult query={programmes} loading="Chargement des dispositifs…">
        {() => <ProgrammeCardGrid cards={cards} />}
      </QueryResult>
    </>
  );
}
