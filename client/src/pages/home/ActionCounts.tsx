import { Link } from 'react-router';
import { useActionCounts } from '../../api/case-work.ts';
import { Heading } from '../../components/ui.tsx';
import { actionsHref, ACTION_LIST_TITLES } from '../actions/ActionsPage.tsx';

/**
 * Today's and overdue actions, mine and the team's, each leading to its worklist.
 * Someone who is never assigned cases sees only the team's.
 */
export function ActionCounts({ mine }: { mine: boolean }) {
  const counts = useActionCounts();
  if (!counts.data) return null;
  const items = [
    ...(mine
      ? ([
          ['mine', 'overdue', counts.data.mineOverdue],
          ['mine', 'today', counts.data.mineToday],
        ] as const)
      : []),
    ['team', 'overdue', counts.data.teamOverdue],
    ['team', 'today', counts.data.teamToday],
  ] as const;
  return (
    <section aria-labelledby="action-counts-heading" className="app-section">
      <Heading level={2} id="action-counts-heading">
        Acties
      </Heading>
      <ul className="app-worklists">
        {items.map(([scope, when, count]) => (
          <li key={`${scope}-${when}`} className="app-worklist">
            <Link to={actionsHref(scope, when)} className="app-worklist__link">
              <span className="app-worklist__count">{count}</span>
              <span>{ACTION_LIST_TITLES[scope][when]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
