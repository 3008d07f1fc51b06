import { can, type Me, type Role } from '@herorientatie/domain';
import { Link } from 'react-router';
import { useWorklistCounts } from '../api/cases.ts';
import { Heading, Paragraph } from '../components/ui.tsx';
import { usePageTitle } from '../page-focus.ts';
import { principalOf } from '../principal.ts';
import { WORKLIST_LABELS } from './CaseListPage.tsx';
import { PartnerHomePage } from './partner/PartnerHomePage.tsx';
import { StalledReferrals } from './home/StalledReferrals.tsx';
import { Announcements } from './home/Announcements.tsx';
import { OpenCases } from './home/OpenCases.tsx';
import { OwnFigures } from './home/OwnFigures.tsx';
import { ActionCounts } from './home/ActionCounts.tsx';

const ROLE_HOME: Record<Role, { title: string; text: string }> = {
  caseworker: {
    title: 'Mijn werk',
    text: 'De werklijsten tonen welke dossiers aandacht nodig hebben; aanmeldingen via de website staan bij “Nieuw, nog niet toegewezen”. Alle dossiers van uw gemeente staan onder Dossiers. Onder Benadering leest u de lijst met Tozo-ontvangers in en benadert u hen in rondes.',
  },
  advisor: {
    title: 'Aan mij toegewezen',
    text: 'U ziet de ondernemers die aan u zijn toegewezen voor intake, analyse perspectief en begeleiding.',
  },
  manager: {
    title: 'Sturing',
    text: 'U kunt alle dossiers van uw gemeente inzien, de benadering volgen en de lokale campagnes van uw gemeente beheren. Onder Kosten en budget ziet u de begroting met prognose, de contracten met aanbieders en de specificaties per aanbieder.',
  },
  coordinator: {
    title: 'Regionale campagne',
    text: 'Onder Campagnes beheert de coördinator van de centrumgemeente de regionale campagne: budget, kanalen, uitgaven en bereik, en ziet u wat elk kanaal oplevert.',
  },
  analyst: {
    title: 'Regionaal overzicht',
    text: 'Onder Regionaal overzicht vergelijkt u de gemeenten van de regio: bereik, dienstverlening, uitkomsten en het evaluatierapport, zonder namen. Hier ziet u de open dossiers per gemeente; onder Campagnes wat de campagnes opleveren.',
  },
  admin: {
    title: 'Beheer',
    text: 'Onder Beheer ziet u de uitgaande e-mail van uw gemeente. Het beheer van regio’s, gemeenten en partnerorganisaties is nog niet beschikbaar.',
  },
  partner: {
    title: 'Verwijzingen',
    text: 'U ziet de verwijzingen naar uw organisatie met alleen de gegevens waarvoor de ondernemer toestemming gaf.',
  },
};

/**
 * The worklists with their counts. Someone who is never assigned cases (a manager) sees
 * only the team's lists, not an empty "Mijn dossiers".
 */
function Worklists({ team }: { team: boolean }) {
  const counts = useWorklistCounts();
  if (!counts.data) return null;
  const keys = (Object.keys(WORKLIST_LABELS) as (keyof typeof WORKLIST_LABELS)[]).filter(
    (key) => !team || key !== 'mine',
  );
  return (
    <section aria-labelledby="worklists-heading" className="app-section">
      <Heading level={2} id="worklists-heading">
        {team ? 'Werklijsten van het team' : 'Werklijsten'}
      </Heading>
      <ul className="app-worklists">
        {keys.map((key) => (
          <li
            key={key}
            className={`app-worklist${
              (key === 'acute' || key === 'firstContactOverdue') && counts.data[key] > 0
                ? ' app-worklist--alert'
                : ''
            }`}
          >
            <Link
              // Who waits longest for an intake comes first.
              to={`/dossiers?worklist=${key}${key === 'waitingForIntake' ? '&sort=registeredAt' : ''}`}
              className="app-worklist__link"
            >
              <span className="app-worklist__count">{counts.data[key]}</span>
              <span>{WORKLIST_LABELS[key]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomePage({ me }: { me: Me }) {
  const user = principalOf(me);
  const partner = can(user, 'referral:partner');
  usePageTitle(partner ? 'Verwijzingen' : 'Start');
  const seesCases = can(user, 'case:read');
  // Partner staff belong to no municipality: their start page is their referrals.
  if (partner) return <PartnerHomePage me={me} />;
  return (
    <>
      <Heading level={1}>Welkom, {me.name}</Heading>
      <Paragraph lead>
        U werkt voor de gemeente {me.municipality.name}
        {me.municipality.isCentre ? ' (centrumgemeente)' : ''} in de arbeidsmarktregio{' '}
        {me.municipality.regionName}.
      </Paragraph>
      {can(user, 'figures:own') && <OwnFigures me={me} />}
      {seesCases && <ActionCounts mine={can(user, 'case:write')} />}
      {seesCases && <Worklists team={!can(user, 'case:write')} />}
      {can(user, 'figures:region') && <OpenCases />}
      {can(user, 'referral:read') && <StalledReferrals />}
      {can(user, 'announcement:read') && <Announcements me={me} />}
      {me.roles.map((role) => (
        <section key={role} aria-labelledby={`home-${role}`} className="app-section">
          <Heading level={2} id={`home-${role}`}>
            {ROLE_HOME[role].title}
          </Heading>
          <Paragraph>{ROLE_HOME[role].text}</Paragraph>
        </section>
      ))}
    </>
  );
}
