import { useId, useState } from 'react';
import { evaluationReportUrl } from '../../api/regional.ts';
import { Heading, Paragraph } from '../../components/ui.tsx';
import type { Municipality } from './figure-tables.ts';
import { periodText } from './period.ts';

/**
 * The evaluation report for the chosen months, for the region or one municipality. The
 * server builds it from exactly the figures this user may see, with the plan beside them.
 */
export function EvaluationDownloads({
  period,
  municipalities,
}: {
  period: { from: string; to: string };
  municipalities: Municipality[];
}) {
  const id = useId();
  const [scope, setScope] = useState('regio');
  const query = { ...period, scope };
  const link = 'utrecht-button-link utrecht-button-link--html-a';
  return (
    <section aria-labelledby={`${id}-heading`} className="app-section">
      <Heading level={2} id={`${id}-heading`}>
        Evaluatierapport
      </Heading>
      <Paragraph>
        Het rapport zet de cijfers van {periodText(period.from, period.to)} op een rij, met de
        verwachtingen uit het plan waar die bekend zijn, een samenvatting bovenaan en paginanummers.
        Het bevat dezelfde beschermde cijfers als deze pagina.
      </Paragraph>
      <div className="app-filters app-filters--bottom">
        <div className="utrecht-form-field app-filter">
          <label className="utrecht-form-label" htmlFor={`${id}-scope`}>
            Rapport voor
          </label>
          <select
            id={`${id}-scope`}
            className="utrecht-select utrecht-select--html-select"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
          >
            <option value="regio">De hele regio</option>
            {municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.own ? `${m.name} (uw gemeente)` : m.name}
              </option>
            ))}
          </select>
        </div>
        <a
          href={evaluationReportUrl('pdf', query)}
          download
          className={`${link} utrecht-button-link--primary-action`}
        >
          Evaluatierapport downloaden (PDF)
        </a>
        <a
          href={evaluationReportUrl('csv', query)}
          download
          className={`${link} utrecht-button-link--secondary-action`}
        >
          Evaluatierapport downloaden (CSV)
        </a>
      </div>
    </section>
  );
}
