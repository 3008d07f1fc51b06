import { can, type Me, type Role } from '@herorientatie/domain';
import { Link } from 'react-router';
import { useWorklistCounts } from '../api/cases.ts';
import { Heading, Paragraph } from '../components/ui.tsx';
import { usePageTitle } from '../page-focus.ts';
import { principalOf } from '../principal.ts';
import { WORKLIST_LABELS } from './CaseListPage.tsx';

const ROLE_HOME: Record<Role, { title: string; text: string }> = {
  caseworker: {
    title: 'Mijn werk',
    text: 'De werklijsten tonen welke dossiers aandacht nodig hebben. Alle dossiers van uw gemeente staan onder Dossiers.',
  },
  advisor: {
    title: 'Aan mij toegewezen',
    text: 'U ziet de ondernemers die aan u zijn toegewezen voor intake, analyse perspectief en begeleiding.',
  },
  manager: {
    title: 'Sturing',
    text: 'U kunt alle dossiers van uw gemeente inzien. Budgetten en kosten per cliënt zijn nog niet beschikbaar.',
  },
  coordinator: {
    title: 'Regionale campagne',
    text: 'Het beheer van de regionale campagne en het budget van de centrumgemeente is nog niet beschikbaar.',
  },
  analyst: {
    title: 'Regionaal overzicht',
    text: 'Het vergelijken van bereik en resultaten tussen gemeenten, alleen in cijfers, is nog niet beschikbaar.',
  },
  admin: {
    title: 'Beheer',
    text: 'Het beheer van regio’s, gemeenten en partnerorganisaties is nog niet beschikbaar.',
  },
  partner: {
    title: 'Verwijzingen',
    text: 'U ziet de verwijzingen naar uw organisatie met alleen de gegevens waarvoor de ondernemer toestemming gaf.',
  },
};

function Worklists() {
  const counts = useWorklistCounts();
  if (!counts.data) return null;
  return (
    <section aria-labelledby="worklists-heading" className="app-section">
      <Heading level={2} id="worklists-heading">
        Werklijsten
      </Heading>
      <ul className="app-worklists">
        {(Object.keys(WORKLIST_LABELS) as (keyof typeof WORKLIST_LABELS)[]).map((key) => (
          <li key={key} className="app-worklist">
            <Link to={`/dossiers?worklist=${key}`} className="app-worklist__link">
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
  usePageTitle('Start');
  const seesCases = can(principalOf(me), 'case:read');
  return (
    <>
      <Heading level={1}>Welkom, {me.name}</Heading>
      <Paragraph lead>
        U werkt voor de gemeente {me.municipality.name}
        {me.municipality.isCentre ? ' (centrumgemeente)' : ''} in de arbeidsmarktregio{' '}
        {me.municipality.regionName}.
      </Paragraph>
      {seesCases && <Worklists />}
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
