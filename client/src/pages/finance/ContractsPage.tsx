import { formatEuro, SERVICE_TYPE_LABELS } from '@herorientatie/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAddContract, useContracts } from '../../api/finance.ts';
import { MoneyField, SelectField, TextField } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { usePageTitle } from '../../page-focus.ts';

const FORM_PARAM = 'formulier';
const today = () => new Date().toISOString().slice(0, 10);

function ContractForm({
  onDone,
  onCancel,
}: {
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const add = useAddContract();
  return (
    <ActionForm
      draft={['new', 'contract']}
      mutation={add}
      params={{}}
      initial={{ validFrom: today() }}
      title="Contract toevoegen"
      intro={
        <Paragraph>
          De prijs per cliënt geldt voor diensten vanaf de begindatum. Een dienst zonder geldig
          contract staat zonder bedrag in de kosten, met een signaal.
        </Paragraph>
      }
      submitLabel="Contract toevoegen"
      success={(value) =>
        `Het contract met ${value.provider} voor ${SERVICE_TYPE_LABELS[value.serviceType]} is vastgelegd.`
      }
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={[FORM_PARAM]}
    >
      {(form) => (
        <>
          <TextField form={form} name="provider" label="Aanbieder *" />
          <SelectField
            form={form}
            name="serviceType"
            label="Dienst *"
            options={SERVICE_TYPE_LABELS}
          />
          <MoneyField form={form} name="priceCents" label="Prijs per cliënt *" />
          <TextField form={form} name="validFrom" label="Geldig vanaf *" type="date" />
          <TextField form={form} name="validTo" label="Geldig tot en met" type="date" />
          <TextField
            form={form}
            name="maxClients"
            label="Maximum aantal cliënten"
            type="number"
            description="Leeg: geen maximum"
          />
        </>
      )}
    </ActionForm>
  );
}

/** The contracts with providers: service, price per client, validity and clients so far. */
export default function ContractsPage() {
  usePageTitle('Contracten');
  const contracts = useContracts();
  const [params, setParams] = useSearchParams();
  const [message, setMessage] = useState<string>();
  const open = params.get(FORM_PARAM) === 'contract';
  const setOpen = (value: boolean) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(FORM_PARAM, 'contract');
        else next.delete(FORM_PARAM);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Heading level={1}>Contracten</Heading>
      <Paragraph>
        Per aanbieder en dienst de prijs per cliënt, hoe lang het contract geldt en voor hoeveel
        cliënten. De kosten in de dossiers en de begroting volgen deze prijzen.
      </Paragraph>
      {message && <Alert type="ok">{message}</Alert>}
      {open ? (
        <ContractForm
          onDone={(text) => {
            setMessage(text);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button
          appearance="secondary-action"
          aria-expanded={false}
          onClick={() => {
            setMessage(undefined);
            setOpen(true);
          }}
        >
          Contract toevoegen
        </Button>
      )}
      {contracts.error && <Alert type="error">{contracts.error.message}</Alert>}
      {contracts.data && contracts.data.length === 0 && (
        <Paragraph>Er zijn nog geen contracten.</Paragraph>
      )}
      {contracts.data && contracts.data.length > 0 && (
        <DataTable
          caption="Contracten met aanbieders"
          columns={[
            'Aanbieder',
            'Dienst',
            { label: 'Prijs per cliënt', numeric: true },
            'Geldig',
            { label: 'Cliënten', numeric: true },
          ]}
          rows={contracts.data.map((c) => ({
            key: c.id,
            cells: [
              c.provider,
              SERVICE_TYPE_LABELS[c.serviceType],
              formatEuro(c.priceCents),
              c.validTo
                ? `${formatDate(c.validFrom)} – ${formatDate(c.validTo)}`
                : `vanaf ${formatDate(c.validFrom)}`,
              c.maxClients === null ? String(c.clients) : `${c.clients} van ${c.maxClients}`,
            ],
          }))}
        />
      )}
    </>
  );
}
