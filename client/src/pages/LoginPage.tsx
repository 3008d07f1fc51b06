import { useLocation } from 'react-router';
import { ButtonLink, Heading, Paragraph } from '../components/ui.tsx';
import { loginHref } from '../navigation.ts';

export function LoginPage() {
  const location = useLocation();
  return (
    <div className="utrecht-page app-page">
      <main id="main" className="utrecht-page-content app-main app-login">
        <Heading level={1}>Heroriëntatie</Heading>
        <Paragraph lead>
          Ondersteuning van zelfstandig ondernemers bij de keuze voor hun toekomst: als ondernemer
          of in loondienst.
        </Paragraph>
        <Paragraph>Log in met het account van uw gemeente.</Paragraph>
        <ButtonLink href={loginHref(location.pathname + location.search)}>Inloggen</ButtonLink>
      </main>
    </div>
  );
}
