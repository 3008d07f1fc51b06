import {
  DATA_CATEGORY_LABELS,
  PARTNER_KIND_LABELS,
  ROUTE_TYPE_LABELS,
  type Partner,
} from '@herorientatie/domain';
import { useState } from 'react';
import { useCreatePartner, usePartners, useUpdatePartner } from '../api/referrals.ts';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../components/form.tsx';
import { Alert, Button, Paragraph } from '../components/ui.tsx';
import { ActionForm } from '../forms/ActionForm.tsx';
import type { FormApi } from '../forms/use-form.ts';

function PartnerFields({ form }: { form: FormApi }) {
  return (
    <>
      <TextField form={form} name="name" label="Naam *" />
      <SelectField
        form={form}
        name="kind"
        label="Soort organisatie *"
        options={PARTNER_KIND_LABELS}
      />
      <CheckboxGroup form={form} name="routes" label="Routes" options={ROUTE_TYPE_LABELS} />
      <TextArea form={form} name="services" label="Wat de organisatie doet *" />
      <TextField
        form={form}
        name="contactChannel"
        label="Hoe een aanmelding binnenkomt *"
        description="Bijvoorbeeld: aanmeldformulier per e-mail."
      />
      <TextField
        form={form}
        name="email"
        label="E-mailadres voor meldingen"
        type="email"
        description="Hier komt het bericht dat er een nieuwe verwijzing klaarstaat (zonder persoonsgegevens)."
      />
      <CheckboxGroup
        form={form}
        name="requiredCategories"
        label="Gegevens die de organisatie nodig heeft"
        options={DATA_CATEGORY_LABELS}
      />
    </>
  );
}

const editable = (p: Partner) => ({
  name: p.name,
  kind: p.kind,
  routes: p.routes,
  services: p.services,
  contactChannel: p.contactChannel,
  email: p.email ?? '',
  requiredCategories: p.requiredCategories,
});

/**
 * The region's partner organisations, for the administrator of the centre municipality:
 * what caseworkers of every municipality choose from when they refer.
 */
export function PartnersAdmin() {
  const partners = usePartners();
  const createPartner = useCreatePartner();
  const updatePartner = useUpdatePartner();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  const open = (id: string) => {
    setMessage(null);
    setEditing(id);
  };
  if (partners.isPending) return <Paragraph>Laden…</Paragraph>;
  if (partners.error) return <Alert type="error">{partners.error.message}</Alert>;
  return (
    <>
      <Paragraph>
        Consulenten van alle gemeenten in de regio verwijzen naar deze organisaties. Welke gegevens
        een organisatie nodig heeft, staat in de toestemming die de consulent vastlegt.
      </Paragraph>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      <ul className="app-cards">
        {partners.data.map((p) => (
          <li key={p.id} className="app-card">
            {editing === p.id ? (
              <ActionForm
                draft={['partner', p.id]}
                mutation={updatePartner}
                params={{ partnerId: p.id }}
                initial={editable(p)}
                title={p.name}
                headingLevel={3}
                submitLabel="Opslaan"
                success={`${p.name} is bijgewerkt.`}
                onDone={done}
                onCancel={() => setEditing(null)}
              >
                {(form) => <PartnerFields form={form} />}
              </ActionForm>
            ) : (
              <>
                <strong>{p.name}</strong> <span className="app-muted">({p.code})</span>
                <div>
                  {PARTNER_KIND_LABELS[p.kind]} · {p.contactChannel}
                  {p.email ? ` · ${p.email}` : ''}
                </div>
                <Button appearance="secondary-action" onClick={() => open(p.id)}>
                  Bijwerken<span className="app-visually-hidden"> {p.name}</span>
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <ActionForm
          draft={['partner', 'new']}
          mutation={createPartner}
          params={{}}
          initial={{ routes: [], requiredCategories: ['contact'] }}
          title="Partnerorganisatie toevoegen"
          headingLevel={3}
          submitLabel="Toevoegen"
          success={(value) => `${value.name} is toegevoegd.`}
          onDone={done}
          onCancel={() => setEditing(null)}
        >
          {(form) => (
            <>
              <TextField
                form={form}
                name="code"
                label="Code *"
                description="Kort en vast, bijvoorbeeld budgetcoach: de inlognaam van de medewerkers van de organisatie hangt eraan."
              />
              <PartnerFields form={form} />
            </>
          )}
        </ActionForm>
      ) : (
        <Button appearance="secondary-action" onClick={() => open('new')}>
          Partnerorganisatie toevoegen
        </Button>
      )}
    </>
  );
}
