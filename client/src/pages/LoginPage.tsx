import { useState } from 'react';
import { useLocation } from 'react-router';
import { Alert, ButtonLink, Heading, Paragraph } from '../components/ui.tsx';
import { hasDrafts } from '../forms/draft-store.ts';
import { loginHref } from '../navigation.ts';
import { usePageTitle } from '../page-focus.ts';
import { wasLoggedIn } from '../session-marker.ts';

export function LoginPage() {
  const location = useLocation();
  // Read once: what the tab remembers from before the session ended.
  const [ended] = useState(wasLoggedIn);
  const [drafts] = useState(() => hasDrafts());
  usePageTitle(ended ? 'Opnieuw inloggen' : 'Inloggen');
  return (
    <div className="utrecht-page app-page">
      <main id="main" className="utrecht-page-content app-main app-login">
        <Heading level={1}>Heroriëntatie</Heading>
        {ended && (
          <Alert type="warning">
            <strong>U bent uitgelogd.</strong> Dat gebeurt automatisch als u een half uur niets
            heeft opgeslagen of opgevraagd, en in elk geval 12 uur na het inloggen.{' '}
            {drafts
              ? 'Wat u aan het invullen was, is bewaard. Log opnieuw in, dan staat het weer klaar.'
              : 'Log opnieuw in om verder te werken.'}
          </Alert>
        )}
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
