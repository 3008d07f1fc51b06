import { ROLE_LABELS, type Me } from '@herorientatie/domain';
import { NavLink, Outlet } from 'react-router';
import { useLogout } from '../api/hooks.ts';
import { navigationFor } from '../navigation.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { SessionTimer } from './SessionTimer.tsx';
import { Button } from './ui.tsx';

export function Layout({ me }: { me: Me }) {
  const logout = useLogout();
  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: ({ redirectTo }) => {
        window.location.assign(redirectTo);
      },
    });
  return (
    <div className="utrecht-page app-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        Naar de inhoud
      </a>
      <header className="utrecht-page-header app-header">
        <div className="app-header__brand">
          <span className="app-header__title">Heroriëntatie</span>
          <span className="app-header__municipality">Gemeente {me.municipality.name}</span>
        </div>
        <div className="app-header__user">
          <span>
            {me.name} · {me.roles.map((r) => ROLE_LABELS[r]).join(', ')}
          </span>
          <Button appearance="secondary-action" onClick={onLogout} disabled={logout.isPending}>
            Uitloggen
          </Button>
        </div>
      </header>
      <nav className="utrecht-nav-bar" aria-label="Hoofdmenu">
        <div className="utrecht-nav-bar__content">
          <ul className="utrecht-nav-list">
            {navigationFor(me.roles).map((item) => (
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
        Arbeidsmarktregio {me.municipality.regionName} · Heroriëntatie zelfstandig ondernemers
      </footer>
    </div>
  );
}
