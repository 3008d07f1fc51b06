import type { MunicipalityFace } from '@herorientatie/domain';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import {
  createBrowserRouter,
  Link,
  Navigate,
  Outlet,
  RouterProvider,
  useLocation,
} from 'react-router';
import { usePublicRegions } from '../../api/public.ts';
import { focusMainHeading } from '../../page-focus.ts';
import { PrivacyPage } from './PrivacyPage.tsx';
import { SignUpPage } from './SignUpPage.tsx';

/** The municipality the visitor belongs to, once the postcode tells; shown in the header. */
const FaceContext = createContext<{
  face: MunicipalityFace | null;
  setFace: (face: MunicipalityFace | null) => void;
}>({ face: null, setFace: () => {} });
export const usePublicFace = () => useContext(FaceContext);

/** The region's name, or the municipality's name and logo once the postcode is known. */
function Brand({ face }: { face: MunicipalityFace | null }) {
  const regions = usePublicRegions();
  const regionName = face?.regionName ?? regions.data?.[0]?.name;
  return (
    <div className="app-header__brand app-public__brand">
      {face?.logoUrl && <img src={face.logoUrl} alt={`Logo gemeente ${face.name}`} height={40} />}
      <span className="app-header__title">
        {face ? `Gemeente ${face.name}` : 'Hulp voor ondernemers'}
      </span>
      <span className="app-header__municipality">
        Heroriëntatie zelfstandig ondernemers
        {regionName ? ` · gemeenten in de regio ${regionName}` : ''}
      </span>
    </div>
  );
}

/** The frame of the public pages: no login, no staff navigation, readable on a phone. */
function PublicLayout() {
  const [face, setFace] = useState<MunicipalityFace | null>(null);
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
        <Brand face={face} />
      </header>
      <main id="main" className="utrecht-page-content app-main app-public__main" tabIndex={-1}>
        <FaceContext.Provider value={{ face, setFace }}>
          <Outlet />
        </FaceContext.Provider>
      </main>
      <footer className="utrecht-page-footer app-footer">
        {face && (
          <address className="app-public__contact">
            <strong>Gemeente {face.name}</strong>
            {face.addressLines.map((line) => (
              <span key={line}>{line}</span>
            ))}
            {face.phone && <span>Telefoon {face.phone}</span>}
            {face.email && <a href={`mailto:${face.email}`}>{face.email}</a>}
            {face.website && (
              <a href={face.website.startsWith('http') ? face.website : `https://${face.website}`}>
                {face.website}
              </a>
            )}
          </address>
        )}
        <nav aria-label="Over deze pagina">
          <ul className="app-footer__links">
            {pathname.startsWith('/privacy') ? (
              <li>
                <Link to="/aanmelden">Aanmelden voor hulp</Link>
              </li>
            ) : (
              <li>
                {/* A new tab, so that a half-filled sign-up form stays as it is. */}
                <Link
                  to={face ? `/privacy?gemeente=${face.code}` : '/privacy'}
                  target="_blank"
                  rel="noopener"
                >
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
