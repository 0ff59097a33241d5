import { Route, Routes } from 'react-router-dom';
import { Layout } from '../components/Layout';
import { AgreementPage } from '../pages/AgreementPage';
import { AgreementsPage } from '../pages/AgreementsPage';
import { ComparisonPage } from '../pages/comparison/ComparisonPage';
import { FindingsPage } from '../pages/FindingsPage';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ProgrammePage } from '../pages/programme/ProgrammePage';
import { ProgrammesPage } from '../pages/ProgrammesPage';

/** Opt in to React Router v7 behaviour now (and silence its warnings). */
export const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true } as const;

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/dispositifs" element={<ProgrammesPage />} />
        <Route path="/dispositifs/:code" element={<ProgrammePage />} />
        <Route path="/comparaison" element={<ComparisonPage />} />
        <Route path="/conventions" element={<AgreementsPage />} />
        <Route path="/conventions/:code" element={<AgreementPage />} />
        <Route path="/ecarts" element={<FindingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}

export default App;
