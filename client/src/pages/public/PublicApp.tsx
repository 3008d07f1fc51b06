import { useEffect, useRef, useState } from 'react';
import {
  createBrowserRouter,
  Link,
  Navigate,
  Outlet,
  RouterProvider,
  useLocation,
} from 'react-router';
import { focusMainHeading } from '../../page-focus.ts';
import { PrivacyPage } from './PrivacyPage.tsx';
import { SignUpPage } from './SignUpPage.tsx';

/** The frame of the public pages: no login, no staff navigation, readable on a phone. */
function PublicLayout() {
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    focusMainHeading();
  }, [pathname]);
  return (
    <div className="utrecht-page app-page app-public">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header app-header">
        <div className="app-header__brand">
          <span className="app-header__title">Hulp voor ondernemers</span>
          <span className="app-header__municipality">
            Heroriëntatie zelfstandig ondernemers · de gemeenten in uw regio
          </span>
        </div>
      </header>
      <main id="main" className="utrecht-page-content app-main app-public__main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="utrecht-page-footer app-footer">
        <nav aria-label="Over deze pagina">
          <ul className="app-footer__links">
            {pathname === '/privacy' ? (
              <li>
                <Link to="/aanmelden">Aanmelden voor hulp</Link>
              </li>
            ) : (
              <li>
                {/* A new tab, so that a half-filled sign-up form stays as it is. */}
                <Link to="/privacy" target="_blank" rel="noopener">
                  Privacyverklaring (opent in een nieuw tabblad)
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </footer>
    </div>
  );
}

const publicRouter = () =>
  createBrowserRouter([
    {
      path: '/',
      element: <PublicLayout />,
      children: [
        { path: 'aanmelden', element: <SignUpPage /> },
        { path: 'privacy', element: <PrivacyPage /> },
        { path: '*', element: <Navigate to="/aanmelden" replace /> },
      ],
    },
  ]);

/**
 * The pages anyone may open: signing up for help and the privacy statement. They never ask
 * who is logged in, so they look the same for a visitor and for a member of staff.
 */
export function PublicApp() {
  const [router] = useState(publicRouter);
  return <RouterProvider router={router} />;
}
