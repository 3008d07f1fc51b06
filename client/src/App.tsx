import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { useMe } from './api/hooks.ts';
import { Layout } from './components/Layout.tsx';
import { Alert, Heading, Paragraph } from './components/ui.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { CaseDetailPage } from './pages/case/CaseDetailPage.tsx';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { ActionsPage } from './pages/actions/ActionsPage.tsx';
import { AgendaPage } from './pages/agenda/AgendaPage.tsx';
import { SearchPage } from './pages/search/SearchPage.tsx';
import { RegistrationPage } from './pages/RegistrationPage.tsx';
import type { Me } from '@herorientatie/domain';
import { isPublicPath } from './navigation.ts';
import { AdminPage } from './pages/AdminPage.tsx';
import { ImportPage } from './pages/outreach/ImportPage.tsx';
import { OutreachLayout } from './pages/outreach/OutreachLayout.tsx';
import { PublicApp } from './pages/public/PublicApp.tsx';
import { StalledReferralsPage } from './pages/referrals/StalledReferralsPage.tsx';
import { markLoggedIn } from './session-marker.ts';

// The pages with charts load the chart library only when they are opened.
const CampaignListPage = lazy(() => import('./pages/campaigns/CampaignListPage.tsx'));
const CampaignPage = lazy(() => import('./pages/campaigns/CampaignPage.tsx'));
const WavesPage = lazy(() => import('./pages/outreach/WavesPage.tsx'));
const WavePage = lazy(() => import('./pages/outreach/WavePage.tsx'));
const FinanceLayout = lazy(() => import('./pages/finance/FinanceLayout.tsx'));
const BudgetPage = lazy(() => import('./pages/finance/BudgetPage.tsx'));
const ContractsPage = lazy(() => import('./pages/finance/ContractsPage.tsx'));
const StatementsPage = lazy(() => import('./pages/finance/StatementsPage.tsx'));
const TonkPage = lazy(() => import('./pages/tonk/TonkPage.tsx'));
const RegionalPage = lazy(() => import('./pages/regional/RegionalPage.tsx'));
const ProtectionPage = lazy(() => import('./pages/regional/ProtectionPage.tsx'));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="utrecht-paragraph" role="status">
          Bezig met laden…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

function RouteError() {
  return (
    <Alert type="error">
      <Heading level={1}>Er ging iets mis</Heading>
      <Paragraph>Deze pagina kon niet worden geladen. Probeer het opnieuw.</Paragraph>
    </Alert>
  );
}

function routerFor(me: Me) {
  return createBrowserRouter([
    {
      path: '/',
      element: <Layout me={me} />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <HomePage me={me} /> },
        { path: 'dossiers', element: <CaseListPage me={me} /> },
        { path: 'dossiers/nieuw', element: <RegistrationPage me={me} /> },
        { path: 'dossiers/:id', element: <CaseDetailPage me={me} /> },
        { path: 'acties', element: <ActionsPage me={me} /> },
        { path: 'agenda', element: <AgendaPage me={me} /> },
        { path: 'zoeken', element: <SearchPage me={me} /> },
        { path: 'verwijzingen', element: <StalledReferralsPage me={me} /> },
        {
          path: 'benadering',
          element: <OutreachLayout me={me} />,
          children: [
            { index: true, element: <Navigate to="rondes" replace /> },
            { path: 'importeren', element: <ImportPage me={me} /> },
            {
              path: 'rondes',
              element: (
                <Loading>
                  <WavesPage me={me} />
                </Loading>
              ),
            },
            {
              path: 'rondes/:id',
              element: (
                <Loading>
                  <WavePage me={me} />
                </Loading>
              ),
            },
          ],
        },
        {
          path: 'campagnes',
          element: (
            <Loading>
              <CampaignListPage me={me} />
            </Loading>
          ),
        },
        {
          path: 'campagnes/:id',
          element: (
            <Loading>
              <CampaignPage me={me} />
            </Loading>
          ),
        },
        { path: 'campagne', element: <Navigate to="/campagnes" replace /> },
        {
          path: 'financien',
          element: (
            <Loading>
              <FinanceLayout me={me} />
            </Loading>
          ),
          children: [
            { index: true, element: <Navigate to="budget" replace /> },
            {
              path: 'budget',
              element: (
                <Loading>
                  <BudgetPage />
                </Loading>
              ),
            },
            {
              path: 'contracten',
              element: (
                <Loading>
                  <ContractsPage />
                </Loading>
              ),
            },
            {
              path: 'specificaties',
              element: (
                <Loading>
                  <StatementsPage />
                </Loading>
              ),
            },
          ],
        },
        {
          path: 'tonk',
          element: (
            <Loading>
              <TonkPage me={me} />
            </Loading>
          ),
        },
        {
          path: 'regio',
          element: (
            <Loading>
              <RegionalPage me={me} />
            </Loading>
          ),
        },
        {
          path: 'regio/bescherming',
          element: (
            <Loading>
              <ProtectionPage />
            </Loading>
          ),
        },
        { path: 'beheer', element: <AdminPage me={me} /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

const anonymousRouter = () => createBrowserRouter([{ path: '*', element: <LoginPage /> }]);

/** The staff application: everything behind the login. */
function StaffApp() {
  const { me, loggedOut, isPending, error } = useMe();
  // One router per identity: rebuilding it on every render would reset navigation state.
  const router = useMemo(
    () => (me ? routerFor(me) : loggedOut ? anonymousRouter() : null),
    [me, loggedOut],
  );
  useEffect(() => {
    if (me) markLoggedIn();
  }, [me]);
  if (isPending) {
    return (
      <p className="utrecht-paragraph app-loading" role="status">
        Bezig met laden…
      </p>
    );
  }
  if (error && !loggedOut) {
    return (
      <main className="app-main">
        <Alert type="error">
          <Heading level={1}>Heroriëntatie is niet bereikbaar</Heading>
          <Paragraph>{error?.message ?? 'Probeer het later opnieuw.'}</Paragraph>
        </Alert>
      </main>
    );
  }
  return router ? <RouterProvider router={router} /> : null;
}

export function App() {
  // Decided once, at load: the public pages never ask who is logged in.
  const [publicPage] = useState(() => isPublicPath(window.location.pathname));
  return publicPage ? <PublicApp /> : <StaffApp />;
}
