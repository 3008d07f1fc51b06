import { Link } from 'react-router';
import { Heading, Paragraph } from '../components/ui.tsx';

export function NotFoundPage() {
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
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>Dit onderdeel is nog niet beschikbaar.</Paragraph>
    </>
  );
}
