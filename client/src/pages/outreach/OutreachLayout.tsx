import { can, type Me } from '@herorientatie/domain';
import { NavLink, Outlet } from 'react-router';
import { navigationFor, OUTREACH_ITEMS } from '../../navigation.ts';
import { principalOf } from '../../principal.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

/** Outreach (Benadering): its sub-pages with a navigation of their own. */
export function OutreachLayout({ me }: { me: Me }) {
  const user = principalOf(me);
  if (!can(user, 'outreach:read')) return <NotFoundPage />;
  return (
    <>
      <nav aria-label="Benadering" className="app-subnav">
        <ul className="app-subnav__list">
          {navigationFor(user, OUTREACH_ITEMS).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className="app-subnav__link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
