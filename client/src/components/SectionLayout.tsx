import { can, type Action, type Me } from '@herorientatie/domain';
import { NavLink, Outlet } from 'react-router';
import { navigationFor, type NavItem } from '../navigation.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { principalOf } from '../principal.ts';

/**
 * A section of the application with sub-pages and a navigation of their own (Benadering,
 * Kosten en budget). Without the section's permission it does not exist for the user.
 */
export function SectionLayout({
  me,
  label,
  permission,
  items,
}: {
  me: Me;
  label: string;
  permission: Action;
  items: NavItem[];
}) {
  const user = principalOf(me);
  if (!can(user, permission)) return <NotFoundPage />;
  return (
    <>
      <nav aria-label={label} className="app-subnav">
        <ul className="app-subnav__list">
          {navigationFor(user, items).map((item) => (
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
