import { can, formatEuro, type Me, type TonkApplication } from '@herorientatie/domain';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  useDecideTonk,
  useOpenTonkCase,
  useRegisterTonk,
  useTonkApplications,
} from '../../api/tonk.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { CheckboxField, MoneyField, TextField } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import { DecisionFields } from './decision-fields.tsx';
import { canOpenCase, decisionBody, decisionText, periodText, tonkBody } from './tonk-helpers.ts';

const FORM_PARAM = 'formulier';
const NEW_FORM = 'aanvraag';
const decisionForm = (id: string) => `besluit.${id}`;
const today = () => new Date().toISOString().slice(0, 10);

function TonkForm({
  onDone,
  onCancel,
}: {
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  return (
    <ActionForm
      draft={['new', 'tonk']}
      mutation={useRegisterTonk()}
      params={{}}
      initial={{ selfEmployed: false, receivedOn: today() }}
      toBody={tonkBody}
      title="Aanvraag TONK registreren"
      intro={
        <Paragraph>
          TONK (Tijdelijke Ondersteuning Noodzakelijke Kosten) helpt met de woonkosten. Is de
          aanvrager zelfstandig ondernemer, dan kunt u daarna direct een heroriëntatiedossier
          openen.
        </Paragraph>
      }
      submitLabel="Aanvraag registreren"
      success={(value) => `De TONK-aanvraag van ${value.name} is geregistreerd.`}
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={[FORM_PARAM]}
    >
      {(form) => (
        <>
          <TextField form={form} name="name" label="Naam aanvrager *" autoComplete="off" />
          <TextField form={form} name="email" label="E-mailadres" type="email" />
          <TextField form={form} name="postcode" label="Postcode" />
          <CheckboxField
            form={form}
            name="selfEmployed"
            label="De aanvrager is zelfstandig ondernemer"
          />
          {form.values.selfEmployed === true && (
            <>
              <TextField form={form} name="businessName" label="Bedrijfsnaam *" />
              <TextField form={form} name="kvkNumber" label="KvK-nummer" />
            </>
          )}
          <MoneyField form={form} name="monthlyHousingCostsCents" label="Woonkosten per maand *" />
          <MoneyField form={form} name="requestedCents" label="Gevraagd bedrag in totaal *" />
          <TextField form={form} name="periodFrom" label="Periode van *" type="date" />
          <TextField form={form} name="periodTo" label="Periode tot en met *" type="date" />
          <TextField form={form} name="receivedOn" label="Ontvangen op *" type="date" />
        </>
      )}
    </ActionForm>
  );
}

function DecisionDialog({
  application,
  onDone,
  onCancel,
}: {
  application: TonkApplication;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const decide = useDecideTonk();
  return (
    <Dialog title={`Besluit op de TONK-aanvraag van ${application.name}`} onClose={onCancel}>
      <ActionForm
        draft={['tonk', `decision-${application.id}`]}
        mutation={decide}
        params={{ id: application.id, caseId: application.caseId }}
        initial={{
          decidedOn: today(),
          ...(application.decision !== 'pending' ? { decision: application.decision } : {}),
          ...(application.grantedCents !== null ? { grantedCents: application.grantedCents } : {}),
        }}
        toBody={decisionBody}
        keepsOn={[FORM_PARAM]}
        intro={
          <Paragraph>
            {`Gevraagd: ${formatEuro(application.requestedCents)} voor ${periodText(application.periodFrom, application.periodTo)}.`}
          </Paragraph>
        }
        submitLabel="Besluit vastleggen"
        success={(value) =>
          value.decision === 'granted'
            ? `De TONK-aanvraag van ${application.name} is toegekend: ${formatEuro(value.grantedCents ?? 0)}.`
            : `De TONK-aanvraag van ${application.name} is afgewezen.`
        }
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => <DecisionFields form={form} />}
      </ActionForm>
    </Dialog>
  );
}

function OpenCaseButton({
  application,
  onError,
}: {
  application: TonkApplication;
  onError: (message: string) => void;
}) {
  const open = useOpenTonkCase();
  const navigate = useNavigate();
  return (
    <Button
      appearance="secondary-action"
      disabled={open.isPending}
      aria-busy={open.isPending}
      onClick={async () => {
        try {
          const detail = await open.mutateAsync({ id: application.id, body: undefined });
          navigate(`/dossiers/${detail.id}`, {
            state: {
              message: `Het heroriëntatiedossier ${detail.reference} is geopend vanuit de TONK-aanvraag van ${application.name}.`,
            },
          });
        } catch (err) {
          onError((err as Error).message);
        }
      }}
    >
      {`Heroriëntatiedossier openen: ${application.name}`}
    </Button>
  );
}

/** TONK applications of the municipality: register, decide, and open a reorientation case. */
export default function TonkPage({ me }: { me: Me }) {
  usePageTitle('TONK');
  const user = principalOf(me);
  const applications = useTonkApplications();
  const [params, setParams] = useSearchParams();
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string }>();
  const form = params.get(FORM_PARAM);
  const setForm = (value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(FORM_PARAM, value);
        else next.delete(FORM_PARAM);
        return next;
      },
      { replace: true },
    );
  const done = (text: string) => {
    setMessage({ type: 'ok', text });
    setForm(null);
  };
  const canManage = can(user, 'tonk:manage');
  const canRegisterCase = can(user, 'case:register');
  const deciding = applications.data?.find((a) => form === decisionForm(a.id));

  return (
    <>
      <Heading level={1}>TONK</Heading>
      <Paragraph>
        Aanvragen voor Tijdelijke Ondersteuning Noodzakelijke Kosten (woonkosten). Voor een
        zelfstandig ondernemer opent u vanuit de aanvraag in één stap een heroriëntatiedossier;
        Bbz-aanvragen legt u daarna vast in dat dossier, op het tabblad TONK en Bbz.
      </Paragraph>
      <div aria-live="polite">{message && <Alert type={message.type}>{message.text}</Alert>}</div>
      {canManage &&
        (form === NEW_FORM ? (
          <div className="app-form-panel">
            <TonkForm onDone={done} onCancel={() => setForm(null)} />
          </div>
        ) : (
          <Button
            appearance="secondary-action"
            aria-expanded={false}
            onClick={() => {
              setMessage(undefined);
              setForm(NEW_FORM);
            }}
          >
            Aanvraag TONK registreren
          </Button>
        ))}
      {applications.error && <Alert type="error">{applications.error.message}</Alert>}
      {applications.isPending && <Paragraph>Aanvragen laden…</Paragraph>}
      {applications.data && applications.data.length === 0 && (
        <Paragraph>Er zijn nog geen TONK-aanvragen.</Paragraph>
      )}
      {applications.data && applications.data.length > 0 && (
        <DataTable
          caption="TONK-aanvragen"
          columns={[
            'Aanvrager',
            'Bedrijf',
            'Ontvangen',
            { label: 'Woonkosten per maand', numeric: true },
            { label: 'Gevraagd', numeric: true },
            'Periode',
            'Besluit',
            'Dossier',
            ...(canManage ? ['Acties'] : []),
          ]}
          rows={applications.data.map((a) => ({
            key: a.id,
            cells: [
              a.name,
              a.selfEmployed ? (a.businessName ?? 'zelfstandige') : 'geen (niet zelfstandig)',
              formatDate(a.receivedOn),
              formatEuro(a.monthlyHousingCostsCents),
              formatEuro(a.requestedCents),
              periodText(a.periodFrom, a.periodTo),
              decisionText(a),
              a.caseId ? (
                <Link key="case" to={`/dossiers/${a.caseId}`}>
                  {`Dossier van ${a.name}`}
                </Link>
              ) : (
                '—'
              ),
              ...(canManage
                ? [
                    <div key="actions" className="utrecht-button-group">
                      <Button
                        appearance="secondary-action"
                        aria-haspopup="dialog"
                        onClick={() => {
                          setMessage(undefined);
                          setForm(decisionForm(a.id));
                        }}
                      >
                        Besluit vastleggen
                        <span className="app-visually-hidden">: {a.name}</span>
                      </Button>
                      {canRegisterCase && canOpenCase(a) && (
                        <OpenCaseButton
                          application={a}
                          onError={(text) => setMessage({ type: 'error', text })}
                        />
                      )}
                    </div>,
                  ]
                : []),
            ],
          }))}
        />
      )}
      {canManage && deciding && (
        <DecisionDialog application={deciding} onDone={done} onCancel={() => setForm(null)} />
      )}
    </>
  );
}
