import type { PrivacyStatement } from '@herorientatie/domain';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMunicipalityFace, usePrivacyStatement, usePublicRegions } from '../../api/public.ts';
import { Alert, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { usePublicFace } from './PublicApp.tsx';

/** "a, b en c". */
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;

/** Without a municipality: the visitor chooses theirs, each with its own statement. */
function ChooseMunicipality() {
  const regions = usePublicRegions();
  return (
    <section aria-labelledby="choose-heading" className="app-section">
      <Heading level={2} id="choose-heading">
        Kies uw gemeente
      </Heading>
      <Paragraph>
        Elke gemeente is zelf verantwoordelijk voor uw gegevens. Kies de gemeente waar u woont.
      </Paragraph>
      {regions.data?.map((region) => (
        <ul
          key={region.name}
          className="app-choice-list"
          aria-label={`Gemeenten in de regio ${region.name}`}
        >
          {region.municipalities.map((m) => (
            <li key={m.code}>
              <Link to={`/privacy?gemeente=${m.code}`}>Gemeente {m.name}</Link>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}

function Statement({ s }: { s: PrivacyStatement }) {
  const name = s.municipality.name;
  const reach = [
    s.contact.phone ? `bel ${s.contact.phone}` : null,
    s.contact.email ? `mail naar ${s.contact.email}` : null,
  ].filter((x): x is string => x !== null);
  const dpo = [
    s.dpo.name,
    s.dpo.email ? `e-mail ${s.dpo.email}` : null,
    s.dpo.phone ? `telefoon ${s.dpo.phone}` : null,
  ].filter((x): x is string => Boolean(x));
  return (
    <>
      {!s.configured && (
        <Alert type="warning">
          De gemeente {name} heeft deze verklaring nog niet helemaal ingevuld. Wat hieronder staat,
          is de standaardtekst. Heeft u vragen? Neem contact op met de gemeente.
        </Alert>
      )}
      <section aria-labelledby="who-heading" className="app-section">
        <Heading level={2} id="who-heading">
          Wie is verantwoordelijk?
        </Heading>
        <Paragraph>
          {s.controller}. Uw postcode bepaalt welke gemeente u helpt; deze verklaring is van de
          gemeente {name}.{reach.length > 0 ? ` Vragen over uw gegevens? ${list(reach)}.` : ''}
        </Paragraph>
        <Paragraph>
          De functionaris gegevensbescherming van de gemeente {name} houdt toezicht op hoe de
          gemeente met uw gegevens omgaat.{' '}
          {dpo.length > 0
            ? `U bereikt de functionaris via: ${dpo.join(', ')}.`
            : 'Vraag via het algemene contactadres van de gemeente naar de functionaris.'}
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
          <li>de code van uw brief, als u die invult: dan weten wij op welke brief u reageert;</li>
          <li>uw antwoorden op de korte test, als u die doet;</li>
          <li>
            de code van de advertentie of de link waarmee u op deze pagina kwam. Zo weten wij welke
            advertentie werkt. Over u als persoon zegt die code niets.
          </li>
        </ul>
        <Paragraph>
          Later, in de gesprekken, komen daar gegevens over uw bedrijf, uw inkomen en eventuele
          schulden bij. Alleen wat nodig is om u te helpen.
        </Paragraph>
      </section>

      <section aria-labelledby="why-heading" className="app-section">
        <Heading level={2} id="why-heading">
          Waarvoor, en waarom mag dat?
        </Heading>
        <Paragraph>
          Alleen om u te helpen. Een consulent van de gemeente neemt contact met u op. Daarna helpt
          een bedrijfsadviseur u om te kiezen: doorgaan met uw bedrijf, geldzorgen oplossen, of
          (ook) werken in loondienst. Wij verkopen uw gegevens nooit en gebruiken ze niet voor
          reclame.
        </Paragraph>
        <Paragraph>{s.legalBasis}</Paragraph>
        <Paragraph>
          Doet u de korte test? Dan gebruiken wij uw antwoorden om te bepalen hoe snel wij contact
          opnemen. Bij een acute situatie is dat sneller. Er beslist geen computer over u: een
          consulent bekijkt altijd uw aanmelding.
        </Paragraph>
      </section>

      <section aria-labelledby="recipients-heading" className="app-section">
        <Heading level={2} id="recipients-heading">
          Wie ziet uw gegevens?
        </Heading>
        <ul>
          <li>de consulenten van de gemeente {name} die u helpen;</li>
          <li>
            de bedrijfsadviseur die het gesprek met u voert
            {s.advisorOrganisation ? ` (${s.advisorOrganisation})` : ''}. Die werkt in opdracht van
            de gemeente en mag uw gegevens alleen daarvoor gebruiken;
          </li>
          <li>
            een organisatie waarnaar wij u verwijzen, alleen als u daar eerst toestemming voor
            geeft, en alleen de gegevens die u goedkeurt
            {s.partners.length > 0
              ? `. In de regio ${s.regionName} zijn dat bijvoorbeeld: ${list(s.partners)}`
              : ''}
            .
          </li>
        </ul>
        <Paragraph>
          Andere gemeenten in de regio {s.regionName} zien alleen aantallen, nooit wie u bent. Wij
          houden bij wie uw dossier bekijkt of verandert.
        </Paragraph>
      </section>

      <section aria-labelledby="how-long-heading" className="app-section">
        <Heading level={2} id="how-long-heading">
          Hoe lang?
        </Heading>
        <Paragraph>
          {s.retentionYears
            ? `Zolang wij u helpen. Daarna bewaren wij uw dossier nog ${s.retentionYears} jaar en vernietigen wij het.`
            : 'Zolang wij u helpen. Daarna bewaren wij uw dossier zo lang als de archiefregels van de gemeente voorschrijven en vernietigen wij het.'}{' '}
          Meldt u zich aan maar komt er geen traject? Dan geldt dezelfde termijn vanaf uw
          aanmelding.
        </Paragraph>
      </section>

      <section aria-labelledby="rights-heading" className="app-section">
        <Heading level={2} id="rights-heading">
          Uw rechten
        </Heading>
        <ul>
          <li>U mag vragen welke gegevens wij over u hebben (inzage).</li>
          <li>U mag vragen om fouten te verbeteren, of om gegevens te verwijderen.</li>
          <li>U kunt bezwaar maken tegen het gebruik van uw gegevens, of stoppen met de hulp.</li>
        </ul>
        <Paragraph>
          {reach.length > 0
            ? `Dat vraagt u aan de gemeente ${name}: ${list(reach)}. Noem uw ontvangstnummer of dossiernummer als u dat heeft.`
            : `Dat vraagt u aan de gemeente ${name}.`}{' '}
          U krijgt binnen een maand antwoord. Bent u het niet eens met hoe wij met uw gegevens
          omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens
          (autoriteitpersoonsgegevens.nl).
        </Paragraph>
      </section>
    </>
  );
}

/** The privacy statement of the public sign-up, per municipality and in plain Dutch (B1). */
export function PrivacyPage() {
  const [params] = useSearchParams();
  const code = /^GM\d{4}$/.test(params.get('gemeente') ?? '') ? params.get('gemeente')! : null;
  const statement = usePrivacyStatement(code);
  const face = useMunicipalityFace(code);
  const { setFace } = usePublicFace();
  useEffect(() => setFace(face.data ?? null), [face.data, setFace]);
  const title = statement.data
    ? `Privacyverklaring gemeente ${statement.data.municipality.name}`
    : 'Privacyverklaring';
  usePageTitle(title);
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>
        Als u zich aanmeldt voor hulp, geeft u ons gegevens over uzelf en uw bedrijf. Hier leest u
        wat wij daarmee doen.
      </Paragraph>
      {code === null || statement.isError ? (
        <ChooseMunicipality />
      ) : statement.data ? (
        <Statement s={statement.data} />
      ) : (
        <Paragraph>Bezig met laden…</Paragraph>
      )}
      <Paragraph>
        <Link to="/aanmelden">Terug naar aanmelden</Link>
      </Paragraph>
    </>
  );
}
