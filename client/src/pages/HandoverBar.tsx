import { useState } from 'react';
import { useReassign } from '../api/case-work.ts';
import { useStaff } from '../api/cases.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { Alert, Button, Paragraph } from '../components/ui.tsx';

const plural = (n: number) => `${n} dossier${n === 1 ? '' : 's'}`;

/**
 * Hands the chosen cases over to another caseworker and/or advisor, after a question
 * that says how many and to whom. The answer says how many were handed over.
 */
export function HandoverBar({
  caseIds,
  onHandedOver,
}: {
  caseIds: string[];
  onHandedOver: () => void;
}) {
  const caseworkers = useStaff('caseworker');
  const advisors = useStaff('advisor');
  const reassign = useReassign();
  const [caseworkerId, setCaseworkerId] = useState('');
  const [advisorId, setAdvisorId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = (list: { id: string; name: string }[] | undefined, id: string) =>
    list?.find((s) => s.id === id)?.name ?? '';
  const to = [
    caseworkerId && `consulent ${nameOf(caseworkers.data, caseworkerId)}`,
    advisorId && `bedrijfsadviseur ${nameOf(advisors.data, advisorId)}`,
  ]
    .filter(Boolean)
    .join(' en ');

  const ask = () => {
    setMessage(null);
    if (caseIds.length === 0) setProblem('Kies eerst de dossiers met de vakjes in de tabel.');
    else if (!caseworkerId && !advisorId) setProblem('Kies een consulent of een bedrijfsadviseur.');
    else {
      setProblem(null);
      setConfirming(true);
    }
  };
  const confirm = async () => {
    setConfirming(false);
    try {
      const result = await reassign.mutateAsync({
        body: {
          caseIds,
          caseworkerId: caseworkerId || undefined,
          advisorId: advisorId || undefined,
        },
      });
      setMessage(`${plural(result.reassigned)} overgedragen aan ${to}.`);
      setCaseworkerId('');
      setAdvisorId('');
      onHandedOver();
    } catch (error) {
      setProblem(`Overdragen is niet gelukt: ${(error as Error).message}`);
    }
  };

  const select = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    list: { id: string; name: string }[] | undefined,
  ) => (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={value}
        onChange={(e) => set(e.target.value)}
      >
        <option value="">Niet wijzigen</option>
        {(list ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="handover-heading">
      <h2 id="handover-heading" className="utrecht-heading-3">
        Dossiers overdragen
      </h2>
      <div className="app-handover">
        <Paragraph>{plural(caseIds.length)} gekozen</Paragraph>
        {select(
          'handover-caseworker',
          'Naar consulent',
          caseworkerId,
          setCaseworkerId,
          caseworkers.data,
        )}
        {select(
          'handover-advisor',
          'Naar bedrijfsadviseur',
          advisorId,
          setAdvisorId,
          advisors.data,
        )}
        <Button
          appearance="secondary-action"
          aria-haspopup="dialog"
          onClick={ask}
          disabled={reassign.isPending}
        >
          Overdragen
        </Button>
      </div>
      <div aria-live="polite">
        {problem && <Alert type="error">{problem}</Alert>}
        {message && <Alert type="ok">{message}</Alert>}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Dossiers overdragen"
          cancelLabel="Niet overdragen"
          confirmLabel={`${plural(caseIds.length)} overdragen`}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void confirm()}
        >
          <Paragraph>
            U draagt {plural(caseIds.length)} over aan {to}.
          </Paragraph>
        </ConfirmDialog>
      )}
    </section>
  );
}
