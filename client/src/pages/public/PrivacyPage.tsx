import { Link } from 'react-router';
import { Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';

/** The privacy statement of the public sign-up, in plain Dutch (B1). */
export function PrivacyPage() {
  usePageTitle('Privacyverklaring');
  return (
    <>
      <Heading level={1}>Privacyverklaring</Heading>
      <Paragraph lead>
        Als u zich aanmeldt voor hulp, geeft u ons gegevens over uzelf en uw bedrijf. Hier leest u
        wat wij daarmee doen.
      </Paragraph>

      <section aria-labelledby="who-heading" className="app-section">
        <Heading level={2} id="who-heading">
          Wie gebruikt uw gegevens?
        </Heading>
        <Paragraph>
          De gemeente waar u woont. Uw postcode bepaalt welke gemeente dat is. De gemeenten in de
          regio werken samen aan deze hulp, maar alleen uw eigen gemeente ziet uw naam en gegevens.
          Andere gemeenten en de regio zien alleen aantallen, nooit wie u bent.
        </Paragraph>
      </section>

      <section aria-labelledby="what-heading" className="app-section">
        <Heading level={2} id="what-heading">
          Welke gegevens?
        </Heading>
        <ul>
          <li>uw naam en de naam van uw bedrijf;</li>
          <li>uw e-mailadres en, als u dat invult, uw telefoonnummer;</li>
          <li>uw postcode en, als u dat invult, uw huisnummer en KvK-nummer;</li>
          <li>uw antwoorden op de korte test, als u die doet;</li>
          <li>
            de code van de advertentie of de link waarmee u op deze pagina kwam. Zo weten wij welke
            advertentie werkt. Over u als persoon zegt die code niets.
          </li>
        </ul>
      </section>

      <section aria-labelledby="why-heading" className="app-section">
        <Heading level={2} id="why-heading">
          Waarvoor?
        </Heading>
        <Paragraph>
          Alleen om u te helpen. Een consulent van uw gemeente neemt contact met u op. Daarna helpt
          een bedrijfsadviseur u om te kiezen: doorgaan met uw bedrijf, geldzorgen oplossen, of
          (ook) werken in loondienst. Dit is een taak van de gemeente. Wij verkopen uw gegevens
          nooit en gebruiken ze niet voor reclame.
        </Paragraph>
      </section>

      <section aria-labelledby="how-long-heading" className="app-section">
        <Heading level={2} id="how-long-heading">
          Hoe lang?
        </Heading>
        <Paragraph>
          Zolang wij u helpen. Daarna bewaren wij uw dossier zo lang als de wet ons dat vraagt.
          Daarna vernietigen wij het.
        </Paragraph>
      </section>

      <section aria-labelledby="safe-heading" className="app-section">
        <Heading level={2} id="safe-heading">
          Veilig
        </Heading>
        <Paragraph>
          Alleen medewerkers van uw gemeente die u helpen, kunnen uw gegevens zien. Wij houden bij
          wie uw dossier bekijkt of verandert. Deze pagina gebruikt geen cookies om u te volgen.
        </Paragraph>
      </section>

      <section aria-labelledby="rights-heading" className="app-section">
        <Heading level={2} id="rights-heading">
          Uw rechten
        </Heading>
        <Paragraph>
          U mag altijd vragen welke gegevens wij over u hebben. U mag vragen om fouten te
          verbeteren, of om uw gegevens te verwijderen. U kunt ook stoppen met de hulp. Neem
          daarvoor contact op met uw gemeente. Elke gemeente heeft een functionaris
          gegevensbescherming die u kan helpen. Bent u het niet eens met wat wij doen? Dan kunt u
          een klacht indienen bij de Autoriteit Persoonsgegevens.
        </Paragraph>
      </section>

      <Paragraph>
        <Link to="/aanmelden">Terug naar aanmelden</Link>
      </Paragraph>
    </>
  );
}
