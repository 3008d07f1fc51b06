import type { Me, Role } from '@herorientatie/domain';
import { Heading, Paragraph } from '../components/ui.tsx';

const ROLE_HOME: Record<Role, { title: string; text: string }> = {
  caseworker: {
    title: 'Mijn werk',
    text: 'Hier ziet u straks uw dossiers en werklijsten: aanmeldingen die wachten op een intake en ondernemers zonder recent contact.',
  },
  advisor: {
    title: 'Aan mij toegewezen',
    text: 'Hier ziet u straks de ondernemers die aan u zijn toegewezen voor intake, analyse perspectief en begeleiding.',
  },
  manager: {
    title: 'Sturing',
    text: 'Hier ziet u straks de voortgang, de kosten per cliënt en de budgetten van uw gemeente.',
  },
  coordinator: {
    title: 'Regionale campagne',
    text: 'Hier beheert u straks de regionale campagne en het budget van de centrumgemeente.',
  },
  analyst: {
    title: 'Regionaal overzicht',
    text: 'Hier vergelijkt u straks bereik en resultaten tussen gemeenten, alleen in cijfers.',
  },
  admin: {
    title: 'Beheer',
    text: 'Hier beheert u straks de referentiegegevens: regio’s, gemeenten en partnerorganisaties.',
  },
};

export function HomePage({ me }: { me: Me }) {
  return (
    <>
      <Heading level={1}>Welkom, {me.name}</Heading>
      <Paragraph lead>
        U werkt voor de gemeente {me.municipality.name}
        {me.municipality.isCentre ? ' (centrumgemeente)' : ''} in de arbeidsmarktregio{' '}
        {me.municipality.regionName}.
      </Paragraph>
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
