import { can, ROLE_LABELS, type Me } from '@herorientatie/domain';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useLogout } from '../api/hooks.ts';
import { clearAllDrafts } from '../forms/draft-store.ts';
import { hasUnsavedForm, leaveWithoutAsking } from '../forms/unsaved-guard.tsx';
import { navigationFor } from '../navigation.ts';
import { focusMainHeading } from '../page-focus.ts';
import { principalOf } from '../principal.ts';
import { markLoggedOut } from '../session-marker.ts';
import { ConfirmDialog } from './Dialog.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { HeaderSearch } from './HeaderSearch.tsx';
import { SessionTimer } from './SessionTimer.tsx';
import { Alert, Button, Paragraph } from './ui.tsx';

export function Layout({ me }: { me: Me }) {
  const logout = useLogout();
  const [askLogout, setAskLogout] = useState(false);
  const { pathname } = useLocation();
  // Partner staff belong to no municipality (and so to no region of their own here).
  const partner = can(principalOf(me), 'referral:partner');
  const shownPath = useRef(pathname);

  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    focusMainHeading();
  }, [pathname]);

  const logOut = async () => {
    setAskLogout(false);
    let redirectTo: string;
    try {
      ({ redirectTo } = await logout.mutateAsync({ body: undefined }));
    } catch {
      return; // shown below the header
    }
    // Nothing typed stays behind in this tab once the user has logged out.
    clearAllDrafts();
    markLoggedOut();
    leaveWithoutAsking();
    window.location.assign(redirectTo);
  };
  const onLogout = () => (hasUnsavedForm() ? setAskLogout(true) : void logOut());

  return (
    <div className="utrecht-page app-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header app-header">
        <div className="app-header__brand">
          <span className="app-header__title">Heroriëntatie</span>
          <span className="app-header__municipality">
            {partner ? 'Partnerorganisatie' : `Gemeente ${me.municipality.name}`}
          </span>
        </div>
        {can(principalOf(me), 'case:read') && <HeaderSearch />}
        <div className="app-header__user">
          <span>
            {me.name} · {me.roles.map((r) => ROLE_LABELS[r]).join(', ')}
          </span>
          <Button appearance="secondary-action" onClick={onLogout} disabled={logout.isPending}>
            Uitloggen
          </Button>
        </div>
      </header>
      {logout.isError && (
        <Alert type="error">Uitloggen is niet gelukt: {logout.error.message}</Alert>
      )}
      {askLogout && (
        <ConfirmDialog
          title="Formulier niet opgeslagen"
          cancelLabel="Terug naar het formulier"
          confirmLabel="Toch uitloggen"
          onCancel={() => setAskLogout(false)}
          onConfirm={() => void logOut()}
        >
          <Paragraph>
            U heeft een formulier nog niet opgeslagen. Als u uitlogt, gaat wat u heeft ingevuld
            verloren.
          </Paragraph>
        </ConfirmDialog>
      )}
      <nav className="utrecht-nav-bar" aria-label="Hoofdmenu">
        <div className="utrecht-nav-bar__content">
          <ul className="utrecht-nav-list">
            {navigationFor(principalOf(me)).map((item) => (
              <li key={item.to} className="utrecht-nav-list__item">
                <NavLink to={item.to} end={item.to === '/'} className="utrecht-nav-list__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <SessionTimer me={me} />
      <main id="main" className="utrecht-page-content app-main" tabIndex={-1}>
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="utrecht-page-footer app-footer">
        {partner || !me.municipality.regionName
          ? ''
          : `Arbeidsmarktregio ${me.municipality.regionName} · `}
        Heroriëntatie zelfstandig ondernemers
      </footer>
    </div>
  );
}
