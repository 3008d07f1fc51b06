import {
  ROUTE_TYPE_LABELS,
  SELF_CHECK_QUESTIONS,
  URGENCY_LABELS,
  type CaseDetail,
  type SelfCheck,
  type SelfCheckResult,
} from '@herorientatie/domain';
import { DataList } from './data-list.tsx';

const QUESTION_KEYS = Object.keys(SELF_CHECK_QUESTIONS) as (keyof SelfCheck)[];

/** Each question of the self-check with the answer in the words the entrepreneur saw. */
export function selfCheckRows(result: SelfCheckResult): [string, string][] {
  return QUESTION_KEYS.map((key) => {
    const answers = SELF_CHECK_QUESTIONS[key].answers as Record<string, string>;
    return [SELF_CHECK_QUESTIONS[key].question, answers[result.answers[key]] ?? '—'];
  });
}

/**
 * The self-check done at a public sign-up: the answers, the urgency they suggest and the
 * routes to talk about. Open while the case is new, so the first call can use it.
 */
export function SelfCheckPanel({ detail }: { detail: CaseDetail }) {
  const result = detail.selfCheck;
  if (!result) return null;
  const routes = result.suggestedRoutes.map((r) => ROUTE_TYPE_LABELS[r]).join('; ');
  return (
    <details className="app-details app-self-check" open={detail.status === 'registered'}>
      <summary>
        Zelftest bij de aanmelding: voorgestelde urgentie {URGENCY_LABELS[result.urgency]}
      </summary>
      <p className="utrecht-paragraph">
        De ondernemer beantwoordde bij het aanmelden vijf vragen. Voorgestelde urgentie:{' '}
        <strong>{URGENCY_LABELS[result.urgency]}</strong>. Routes om te bespreken:{' '}
        <strong>{routes || 'geen voorstel'}</strong>.
      </p>
      <DataList rows={selfCheckRows(result)} />
    </details>
  );
}
