import { Link } from 'react-router';
import { useStalledReferralCount } from '../../api/referrals.ts';
import { Heading } from '../../components/ui.tsx';
import { STALLED_TITLE } from '../referrals/StalledReferralsPage.tsx';

/** The count of referrals without progress, leading to the worklist. */
export function StalledReferrals() {
  const stalled = useStalledReferralCount();
  if (!stalled.data) return null;
  return (
    <section aria-labelledby="stalled-referrals-heading" className="app-section">
      <Heading level={2} id="stalled-referrals-heading">
        Verwijzingen
      </Heading>
      <ul className="app-worklists">
        <li className="app-worklist">
          <Link to="/verwijzingen" className="app-worklist__link">
            <span className="app-worklist__count">{stalled.data.stalled}</span>
            <span>{STALLED_TITLE}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
