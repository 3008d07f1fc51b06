import { FIGURES_MAX_NOISE } from '@herorientatie/domain';
import { Link } from 'react-router';
import { Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';

/**
 * The full explanation of how figures of other municipalities are protected, in plain
 * Dutch, for staff who want to know why a number differs a little from their own records.
 * The technical description is docs/regional-figures.md.
 */
export default function ProtectionPage() {
  usePageTitle('Zo beschermen we de regionale cijfers');
  return (
    <>
      <Heading level={1}>Zo beschermen we de regionale cijfers</Heading>
      <Paragraph lead>
        In het regionaal overzicht vergelijkt u gemeenten met elkaar. U ziet aantallen, nooit
        personen. Kleine aantallen kunnen toch naar één ondernemer wijzen, en wie veel cijfers naast
        elkaar legt, zou kunnen uitrekenen wat verborgen is. Daarom werken we zoals de
        statistiekbureaus van Australië en het Verenigd Koninkrijk: met de celsleutelmethode.
      </Paragraph>
      <Heading level={2}>Wat we doen</Heading>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          Elk aantal van een andere gemeente, per maand en per soort, veranderen we een klein
          beetje: hooguit {FIGURES_MAX_NOISE} meer of minder. Een 0 blijft 0.
        </li>
        <li className="utrecht-unordered-list__item">
          Die verandering ligt vast. Hetzelfde aantal komt altijd hetzelfde uit: op de pagina, in de
          download, in het rapport en bij elke collega. Twee cijfers van elkaar aftrekken levert
          daarom nooit een precies aantal op.
        </li>
        <li className="utrecht-unordered-list__item">
          Van andere gemeenten tellen alleen maanden mee die voorbij zijn. Een aanmelding van
          vandaag verandert dus niets aan wat u van een andere gemeente ziet.
        </li>
        <li className="utrecht-unordered-list__item">
          Een kwartaal, een jaar, een totaal en de hele regio zijn de optelling van diezelfde
          maandcijfers. De delen tellen dus altijd op tot het totaal.
        </li>
        <li className="utrecht-unordered-list__item">
          Een aantal onder de 5 tonen we als <em>verborgen</em>. Het telt wel mee in de totalen. Een
          groot aantal wordt nooit verborgen omdat de aantallen ernaast klein zijn.
        </li>
        <li className="utrecht-unordered-list__item">
          Bedragen van andere gemeenten rekenen we uit met de beschermde aantallen maal de
          contractprijs. Zo verraadt een bedrag nooit een aantal.
        </li>
      </ul>
      <Heading level={2}>Wat dat voor u betekent</Heading>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          Uw eigen gemeente ziet u precies, ook de lopende maand, als u de dossiers van uw gemeente
          mag inzien. De hele regio is voor iedereen hetzelfde getal.
        </li>
        <li className="utrecht-unordered-list__item">
          Een jaarcijfer van een kleine gemeente kan een paar afwijken van de echte stand. Bij
          grotere aantallen weegt dat nauwelijks. Twijfelt u of een verschil echt is: kijk naar een
          langere periode.
        </li>
        <li className="utrecht-unordered-list__item">
          Doorlooptijden en percentages tonen we alleen bij minstens 5 ondernemers.
        </li>
      </ul>
      <Paragraph>
        <Link to="/regio">Terug naar het regionaal overzicht</Link>
      </Paragraph>
    </>
  );
}
