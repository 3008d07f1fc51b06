import { formatEuro, type BbzRequest } from '@herorientatie/domain';
import { useCaseTonkBbz, useDecideBbz, useRequestBbz } from '../../api/tonk.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { MoneyField, RadioGroup, TextField } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { DecisionFields } from '../tonk/decision-fields.tsx';
import {
  BBZ_KIND_LABELS,
  bbzBody,
  bbzRequestText,
  decisionBody,
  decisionText,
  periodText,
} from '../tonk/tonk-helpers.ts';
import { cardForm, CARD_KEEPS_ON, type CaseView } from './case-view.ts';
import { today } from './forms.tsx';

const BBZ_FORM = 'bbz';
const BBZ_DECISION_FORM = 'bbzDecision';

function BbzRequestForm({
  caseId,
  onDone,
  onCancel,
}: {
  caseId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  return (
    <ActionForm
      draft={[caseId, BBZ_FORM]}
      mutation={useRequestBbz()}
      params={{ caseId }}
      initial={{ requestedOn: today() }}
      toBody={bbzBody}
      keepsOn={CARD_KEEPS_ON}
      title="Bbz-aanvraag vastleggen"
      headingLevel={3}
      intro={
        <Paragraph>
          Het Besluit bijstandverlening zelfstandigen (Bbz) geeft een ondernemer levensonderhoud of
          een bedrijfskrediet. Bij een krediet vult u het gevraagde bedrag in.
        </Paragraph>
      }
      submitLabel="Bbz-aanvraag vastleggen"
      success={(value) =>
        value.kind === 'business_credit'
          ? `De Bbz-aanvraag voor een bedrijfskrediet van ${formatEuro(value.amountCents ?? 0)} is vastgelegd.`
          : 'De Bbz-aanvraag voor levensonderhoud is vastgelegd.'
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      {(form) => (
        <>
          <RadioGroup form={form} name="kind" label="Soort aanvraag *" options={BBZ_KIND_LABELS} />
          {form.values.kind === 'business_credit' && (
            <MoneyField form={form} name="amountCents" label="Gevraagd krediet *" />
          )}
          <TextField form={form} name="requestedOn" label="Aangevraagd op *" type="date" />
        </>
      )}
    </ActionForm>
  );
}

function BbzDecisionDialog({
  caseId,
  request,
  onDone,
  onCancel,
}: {
  caseId: string;
  request: BbzRequest;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={`Besluit op de Bbz-aanvraag: ${bbzRequestText(request)}`} onClose={onCancel}>
      <ActionForm
        draft={[caseId, cardForm(BBZ_DECISION_FORM, request.id)]}
        mutation={useDecideBbz()}
        params={{ caseId, requestId: request.id }}
        initial={{
          decidedOn: today(),
          ...(request.decision !== 'pending' ? { decision: request.decision } : {}),
          ...(request.grantedCents !== null
            ? { grantedCents: request.grantedCents }
            : request.amountCents !== null
              ? { grantedCents: request.amountCents }
              : {}),
        }}
        toBody={decisionBody}
        keepsOn={CARD_KEEPS_ON}
        intro={<Paragraph>{`Aangevraagd op ${formatDate(request.requestedOn)}.`}</Paragraph>}
        submitLabel="Besluit vastleggen"
        success={(value) =>
          value.decision === 'granted'
            ? `De Bbz-aanvraag is toegekend: ${formatEuro(value.grantedCents ?? 0)}.`
            : 'De Bbz-aanvraag is afgewezen.'
        }
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => <DecisionFields form={form} />}
      </ActionForm>
    </Dialog>
  );
}

/** The case's TONK applications (read only) and its Bbz requests with their decisions. */
export function TonkBbzPanel({
  caseId,
  view,
  canWrite,
  caseOpen,
  onDone,
}: {
  caseId: string;
  view: CaseView;
  canWrite: boolean;
  caseOpen: boolean;
  onDone: (message: string) => void;
}) {
  const data = useCaseTonkBbz(caseId);
  if (data.isPending) return <Paragraph>Laden…</Paragraph>;
  if (data.error) return <Alert type="error">{data.error.message}</Alert>;
  const { tonk, bbz } = data.data;
  const deciding = bbz.find((r) => view.form === cardForm(BBZ_DECISION_FORM, r.id));
  return (
    <>
      <Heading level={3}>TONK</Heading>
      {tonk.length === 0 ? (
        <Paragraph>Dit dossier heeft geen TONK-aanvraag.</Paragraph>
      ) : (
        <DataTable
          caption="TONK-aanvragen van dit dossier"
          columns={[
            'Ontvangen',
            { label: 'Woonkosten per maand', numeric: true },
            { label: 'Gevraagd', numeric: true },
            'Periode',
            'Besluit',
          ]}
          rows={tonk.map((a) => ({
            key: a.id,
            cells: [
              formatDate(a.receivedOn),
              formatEuro(a.monthlyHousingCostsCents),
              formatEuro(a.requestedCents),
              periodText(a.periodFrom, a.periodTo),
              decisionText(a),
            ],
          }))}
        />
      )}
      <Heading level={3}>Bbz</Heading>
      {canWrite &&
        caseOpen &&
        (view.form === BBZ_FORM ? (
          <div className="app-form-panel">
            <BbzRequestForm caseId={caseId} onDone={onDone} onCancel={view.closeForm} />
          </div>
        ) : (
          <Button appearance="secondary-action" onClick={() => view.openForm(BBZ_FORM)}>
            Bbz-aanvraag vastleggen
          </Button>
        ))}
      {bbz.length === 0 ? (
        <Paragraph>Er is nog geen Bbz-aanvraag.</Paragraph>
      ) : (
        <DataTable
          caption="Bbz-aanvragen van dit dossier"
          columns={['Aanvraag', 'Aangevraagd', 'Besluit', ...(canWrite ? ['Actie'] : [])]}
          rows={bbz.map((r) => ({
            key: r.id,
            cells: [
              bbzRequestText(r),
              formatDate(r.requestedOn),
              decisionText(r),
              ...(canWrite
                ? [
                    <Button
                      key="decide"
                      appearance="secondary-action"
                      aria-haspopup="dialog"
                      onClick={() => view.openForm(cardForm(BBZ_DECISION_FORM, r.id))}
                    >
                      Besluit vastleggen
                      <span className="app-visually-hidden">: {bbzRequestText(r)}</span>
                    </Button>,
                  ]
                : []),
            ],
          }))}
        />
      )}
      {canWrite && deciding && (
        <BbzDecisionDialog
          caseId={caseId}
          request={deciding}
          onDone={onDone}
          onCancel={view.closeForm}
        />
      )}
    </>
  );
}
