import { FIGURE_MEASURE_LABELS, type FigureMeasure, type Me } from '@herorientatie/domain';
import { Link } from 'react-router';
import { useRegionalFigures } from '../../api/regional.ts';
import { Alert, Heading, Paragraph } from '../../components/ui.tsx';
import { periodText, thisYear } from '../regional/period.ts';

const KEY_FIGURES: FigureMeasure[] = ['registered', 'intake', 'route_started', 'closed'];

/**
 * The own municipality's key figures for this year, exactly (not rounded or hidden: the
 * manager may read these cases anyway).
 */
export function OwnFigures({ me }: { me: Me }) {
  const period = thisYear();
  const figures = useRegionalFigures(period.from, period.to);
  const count = (measure: FigureMeasure) => {
    const row = figures.data?.rows.find(
      (r) =>
        r.municipalityCode === me.municipality.code && r.measure === measure && r.dimension === '*',
    );
    // Without a row the municipality had none of it this year; a row that is not exact is
    // not the own figure and is not shown here.
    return row === undefined ? 0 : row.exact ? row.value : null;
  };
  return (
    <section aria-labelledby="own-figures-heading" className="app-section">
      <Heading level={2} id="own-figures-heading">
        {me.municipality.name} in {new Date().getFullYear()}
      </Heading>
      {figures.isPending && <Paragraph>Cijfers laden…</Paragraph>}
      {figures.error && <Alert type="error">{figures.error.message}</Alert>}
      {figures.data && (
        <>
          <Paragraph>
            {periodText(period.from, period.to)}, de aantallen van uw gemeente zoals ze zijn.
          </Paragraph>
          <ul className="app-worklists" aria-label="Kerncijfers van uw gemeente">
            {KEY_FIGURES.map((measure) => {
              const value = count(measure);
              return (
                <li key={measure} className="app-key-figure">
                  <span className="app-worklist__count">{value ?? '–'}</span>
                  <span>{FIGURE_MEASURE_LABELS[measure]}</span>
                </li>
              );
            })}
          </ul>
          <Paragraph>
            <Link to="/regio">Naar het regionaal overzicht</Link> voor andere maanden, de
            vergelijking met de regio en het evaluatierapport.
          </Paragraph>
        </>
      )}
    </section>
  );
}
