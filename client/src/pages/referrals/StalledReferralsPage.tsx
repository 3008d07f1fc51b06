import { REFERRAL_STATUS_LABELS, type Me } from '@herorientatie/domain';
import { Link } from 'react-router';
import { useStalledReferrals } from '../../api/referrals.ts';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';

export const STALLED_TITLE = 'Verwijzingen zonder voortgang';

/**
 * The worklist of referrals past their follow-up date or unchanged for too long: whom to
 * ask how it stands. Each row leads to the referrals of its case.
 */
export function StalledReferralsPage(_props: { me: Me }) {
  usePageTitle(STALLED_TITLE);
  const stalled = useStalledReferrals();
  return (
    <>
      <Heading level={1}>{STALLED_TITLE}</Heading>
      <Paragraph lead>
        Verwijzingen waarvan de opvolgdatum voorbij is of die al een tijd niet zijn veranderd. Vraag
        de partner of de ondernemer hoe het staat en leg de nieuwe stand vast.
      </Paragraph>
      {stalled.isPending ? (
        <Paragraph>Laden…</Paragraph>
      ) : stalled.error ? (
        <Alert type="error">{stalled.error.message}</Alert>
      ) : stalled.data.length === 0 ? (
        <Paragraph>Er zijn geen verwijzingen zonder voortgang.</Paragraph>
      ) : (
        <DataTable
          caption={`${stalled.data.length} ${stalled.data.length === 1 ? 'verwijzing' : 'verwijzingen'} zonder voortgang`}
          columns={['Dossier', 'Partner', 'Stand', 'Opvolgen op', 'Laatst gewijzigd']}
          rows={stalled.data.map((r) => ({
            key: r.id,
            cells: [
              <Link className="utrecht-link" to={`/dossiers/${r.caseId}?tab=referrals`}>
                {r.caseReference}
              </Link>,
              r.partnerName,
              REFERRAL_STATUS_LABELS[r.status],
              formatDate(r.followUpOn),
              formatDate(r.lastChangeAt),
            ],
          }))}
        />
      )}
    </>
  );
}
