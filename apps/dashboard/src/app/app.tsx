import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { canSee, homePathFor, type Area } from '../auth/access';
import { AuthProvider, useAuth } from '../auth/AuthProvider';
import { AccessDenied } from '../components/QueryResult';
import { Layout } from '../components/Layout';
import { AdministrationPage } from '../pages/admin/AdministrationPage';
import { AgreementPage } from '../pages/AgreementPage';
import { AgreementsPage } from '../pages/AgreementsPage';
import { ComparisonPage } from '../pages/comparison/ComparisonPage';
import { FindingsPage } from '../pages/FindingsPage';
import { HomePage } from '../pages/HomePage';
import { ImportsPage } from '../pages/imports/ImportsPage';
import { LOGIN_PATH, LoginPage, type LoginLocationState } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ProgrammePage } from '../pages/programme/ProgrammePage';
import { ProgrammesPage } from '../pages/ProgrammesPage';
import { ReportsPage } from '../pages/reports/ReportsPage';

/** Opt in to React Router v7 behaviour now (and silence its warnings). */
export const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true } as const;

/**
 * A page behind the sign-in, open to the roles of `area`: signed out → the login page (which
 * brings the user back here); another role → « Accès refusé » (the admin's home is Administration).
 */
function Protected({ area, children }: { area: Area; children: ReactNode }) {
  const { user, ended } = useAuth();
  const location = useLocation();
  if (user === null) {
    // After « Se déconnecter », the next user starts from their own home page.
    const state: LoginLocationState = ended === 'signed_out' ? {} : { from: location };
    return <Navigate to={LOGIN_PATH} replace state={state} />;
  }
  if (!canSee(user.role, area)) {
    if (area === 'home') {
      return <Navigate to={homePathFor(user.role)} replace />;
    }
    return <AccessDenied />;
  }
  return <>{children}</>;
}

/** Unknown addresses: the login page for a signed-out visitor (nothing is disclosed), else « Page introuvable ». */
function NotFound() {
  const { user } = useAuth();
  const location = useLocation();
  if (user === null) {
    const state: LoginLocationState = { from: location };
    return <Navigate to={LOGIN_PATH} replace state={state} />;
  }
  return <NotFoundPage />;
}

export function App() {
  return (
    <AuthProvider fallback={(content) => <Layout>{content}</Layout>}>
      <Layout>
        <Routes>
          <Route path={LOGIN_PATH} element={<LoginPage />} />
          <Route path="/" element={<Protected area="home"><HomePage /></Protected>} />
          <Route path="/dispositifs" element={<Protected area="programmes"><ProgrammesPage /></Protected>} />
          <Route path="/dispositifs/:code" element={<Protected area="programmes"><ProgrammePage /></Protected>} />
          <Route path="/comparaison" element={<Protected area="comparison"><ComparisonPage /></Protected>} />
          <Route path="/conventions" element={<Protected area="agreements"><AgreementsPage /></Protected>} />
          <Route path="/conventions/:code" element={<Protected area="agreements"><AgreementPage /></Protected>} />
          <Route path="/ecarts" element={<Protected area="findings"><FindingsPage /></Protected>} />
          <Route path="/rapports" element={<Protected area="reports"><ReportsPage /></Protected>} />
          <Route path="/imports" element={<Protected area="imports"><ImportsPage /></Protected>} />
          <Route path="/administration" element={<Protected area="administration"><AdministrationPage /></Protected>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    </AuthProvider>
  );
}

export default App;
