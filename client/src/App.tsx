import { useEffect, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useMe } from './api/hooks.ts';
import { Layout } from './components/Layout.tsx';
import { Alert, Heading, Paragraph } from './components/ui.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage, NotYetAvailablePage } from './pages/NotFoundPage.tsx';
import { CaseDetailPage } from './pages/case/CaseDetailPage.tsx';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { RegistrationPage } from './pages/RegistrationPage.tsx';
import type { Me } from '@herorientatie/domain';
import { markLoggedIn } from './session-marker.ts';

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
        { path: 'campagne', element: <NotYetAvailablePage title="Regionale campagne" /> },
        { path: 'financien', element: <NotYetAvailablePage title="Budgetten" /> },
        { path: 'regio', element: <NotYetAvailablePage title="Regionaal overzicht" /> },
        { path: 'beheer', element: <NotYetAvailablePage title="Beheer" /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

const anonymousRouter = () => createBrowserRouter([{ path: '*', element: <LoginPage /> }]);

export function App() {
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
