import { can, type Me } from '@herorientatie/domain';
import { NavLink, Outlet } from 'react-router';
import { FINANCE_ITEMS, navigationFor } from '../../navigation.ts';
import { principalOf } from '../../principal.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

/** Costs and budget (Kosten en budget): its sub-pages with a navigation of their own. */
export default function FinanceLayout({ me }: { me: Me }) {
  const user = principalOf(me);
  if (!can(user, 'finance:manage')) return <NotFoundPage />;
  return (
    <>
      <nav aria-label="Kosten en budget" className="app-subnav">
        <ul className="app-subnav__list">
          {navigationFor(user, FINANCE_ITEMS).map((item) => (
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
