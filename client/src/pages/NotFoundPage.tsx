import { Link } from 'react-router';
import { Heading, Paragraph } from '../components/ui.tsx';
import { usePageTitle } from '../page-focus.ts';

export function NotFoundPage() {
  usePageTitle('Pagina niet gevonden');
  return (
    <>
      <Heading level={1}>Pagina niet gevonden</Heading>
      <Paragraph>
        Deze pagina bestaat niet (meer). <Link to="/">Ga naar de startpagina</Link>.
      </Paragraph>
    </>
  );
}

export function NotYetAvailablePage({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>Dit onderdeel is nog niet beschikbaar.</Paragraph>
    </>
  );
}
