import {
  CAMPAIGN_CHANNEL_LABELS,
  CAMPAIGN_SEGMENT_LABELS,
  type CampaignDetail,
} from '@herorientatie/domain';
import {
  useAddChannel,
  useAddExpenditure,
  useAddReach,
  useChangeBudget,
  useCreateCampaign,
  useUpdateCampaign,
} from '../../api/campaigns.ts';
import {
  CheckboxGroup,
  MoneyField,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.tsx';
import { Alert } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import type { FormApi } from '../../forms/use-form.ts';

/** The search parameter naming the open form, so switching away asks about typed input. */
export const FORM_PARAM = 'formulier';
const KEEPS_ON = [FORM_PARAM] as const;

interface FormProps {
  onDone: (message: string) => void;
  onCancel: () => void;
}
type OfCampaign = FormProps & { campaign: CampaignDetail };

const today = () => new Date().toISOString().slice(0, 10);

function CampaignFields({ form }: { form: FormApi }) {
  return (
    <>
      <TextField form={form} name="name" label="Naam *" />
      <TextArea form={form} name="description" label="Omschrijving" />
      <TextField form={form} name="periodStart" label="Begin *" type="date" />
      <TextField form={form} name="periodEnd" label="Einde *" type="date" />
      <CheckboxGroup
        form={form}
        name="targetSegments"
        label="Doelgroepen"
        options={CAMPAIGN_SEGMENT_LABELS}
      />
    </>
  );
}

export function CreateCampaignForm({
  level,
  onDone,
  onCancel,
}: Omit<FormProps, 'onDone'> & {
  level: 'regional' | 'local';
  onDone: (message: string, created: CampaignDetail) => void;
}) {
  const create = useCreateCampaign();
  return (
    <ActionForm
      draft={['new', `campaign-${level}`]}
      mutation={create}
      params={{ level }}
      initial={{ targetSegments: [] }}
      title={level === 'regional' ? 'Regionale campagne aanmaken' : 'Lokale campagne aanmaken'}
      submitLabel="Campagne aanmaken"
      success={(value) => `De campagne ${value.name} is aangemaakt.`}
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={KEEPS_ON}
    >
      {(form) => (
        <>
          <CampaignFields form={form} />
          <MoneyField form={form} name="budgetCents" label="Budget *" />
        </>
      )}
    </ActionForm>
  );
}

export function UpdateCampaignForm({ campaign, onDone, onCancel }: OfCampaign) {
  const update = useUpdateCampaign();
  return (
    <ActionForm
      draft={[campaign.id, 'campaign']}
      mutation={update}
      params={{ campaignId: campaign.id }}
      initial={{
        name: campaign.name,
        description: campaign.description ?? '',
        periodStart: campaign.periodStart,
        periodEnd: campaign.periodEnd,
        targetSegments: campaign.targetSegments,
      }}
      title="Gegevens wijzigen"
      submitLabel="Opslaan"
      success="De gegevens van de campagne zijn opgeslagen."
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={KEEPS_ON}
    >
      {(form) => <CampaignFields form={form} />}
    </ActionForm>
  );
}

export function BudgetChangeForm({ campaign, onDone, onCancel }: OfCampaign) {
  const change = useChangeBudget();
  return (
    <ActionForm
      draft={[campaign.id, 'budget']}
      mutation={change}
      params={{ campaignId: campaign.id }}
      initial={{ budgetCents: campaign.budgetCents }}
      title="Budget wijzigen"
      headingLevel={3}
      intro={<p className="utrecht-paragraph">De reden en het oude bedrag blijven bewaard.</p>}
      submitLabel="Budget wijzigen"
      success="Het budget is gewijzigd."
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={KEEPS_ON}
    >
      {(form) => (
        <>
          <MoneyField form={form} name="budgetCents" label="Nieuw budget *" />
          <TextArea form={form} name="reason" label="Reden *" />
        </>
      )}
    </ActionForm>
  );
}

export function ChannelForm({ campaign, onDone, onCancel }: OfCampaign) {
  const add = useAddChannel();
  return (
    <ActionForm
      draft={[campaign.id, 'channel']}
      mutation={add}
      params={{ campaignId: campaign.id }}
      initial={{}}
      title="Kanaal toevoegen"
      headingLevel={3}
      intro={
        <p className="utrecht-paragraph">
          Het kanaal krijgt een eigen code, een aanmeldlink en een QR-code. Zo ziet u welke
          aanmeldingen via dit kanaal komen.
        </p>
      }
      submitLabel="Kanaal toevoegen"
      success={(value) => `Het kanaal ${value.name} is toegevoegd.`}
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={KEEPS_ON}
    >
      {(form) => (
        <>
          <SelectField form={form} name="kind" label="Soort *" options={CAMPAIGN_CHANNEL_LABELS} />
          <TextField
            form={form}
            name="name"
            label="Naam *"
            description='Bijvoorbeeld "Facebook mei" of "Advertentie De Gelderlander"'
          />
          <MoneyField
            form={form}
            name="budgetCents"
            label="Budget voor dit kanaal"
            description="Niet verplicht; in euro’s, bijvoorbeeld 2.500,00"
          />
        </>
      )}
    </ActionForm>
  );
}

export function ExpenditureForm({
  campaign,
  mayOverride,
  onDone,
  onCancel,
}: OfCampaign & {
  /** Whether the user may record spending beyond the budget (a manager of its owner). */
  mayOverride: boolean;
}) {
  const add = useAddExpenditure();
  // After a refusal for lack of budget, a manager may record it anyway, with a reason.
  const refusedOverBudget = add.error?.status === 409;
  const askReason = mayOverride && (refusedOverBudget || !campaign.canManage);
  return (
    <ActionForm
      draft={[campaign.id, 'expenditure']}
      mutation={add}
      params={{ campaignId: campaign.id }}
      initial={{ spentOn: today() }}
      title="Uitgave vastleggen"
      headingLevel={3}
      intro={
        !campaign.canManage && mayOverride ? (
          <Alert type="info">
            U legt als manager een uitgave boven het budget vast. Geef de reden; die wordt bewaard.
          </Alert>
        ) : undefined
      }
      submitLabel="Uitgave vastleggen"
      success="De uitgave is vastgelegd."
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={KEEPS_ON}
    >
      {(form) => (
        <>
          <MoneyField form={form} name="amountCents" label="Bedrag *" />
          <TextField form={form} name="spentOn" label="Datum *" type="date" />
          <TextField form={form} name="supplier" label="Leverancier *" />
          <SelectField
            form={form}
            name="channelId"
            label="Kanaal"
            placeholder="Geen kanaal (algemene kosten)"
            options={Object.fromEntries(campaign.channels.map((c) => [c.id, c.name]))}
          />
          <TextField form={form} name="invoiceReference" label="Factuurnummer" />
          <TextArea form={form} name="description" label="Omschrijving" />
          {askReason && (
            <TextArea
              form={form}
              name="overrideReason"
              label="Reden om boven het budget te gaan *"
              description="Alleen een manager kan dit. De reden komt in het logboek."
            />
          )}
        </>
      )}
    </ActionForm>
  );
}

export function ReachForm({ campaign, onDone, onCancel }: OfCampaign) {
  const add = useAddReach();
  return (
    <ActionForm
      draft={[campaign.id, 'reach']}
      mutation={add}
      params={{ campaignId: campaign.id }}
      initial={{}}
      title="Bereik vastleggen"
      headingLevel={3}
      intro={
        <p className="utrecht-paragraph">
          Vul in wat u weet; de aantallen zijn niet verplicht. Een periode kan een dag, week of
          maand zijn.
        </p>
      }
      submitLabel="Bereik vastleggen"
      success="Het bereik is vastgelegd."
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={KEEPS_ON}
    >
      {(form) => (
        <>
          <SelectField
            form={form}
            name="channelId"
            label="Kanaal *"
            options={Object.fromEntries(campaign.channels.map((c) => [c.id, c.name]))}
          />
          <TextField form={form} name="periodStart" label="Van *" type="date" />
          <TextField form={form} name="periodEnd" label="Tot en met *" type="date" />
          <TextField form={form} name="impressions" label="Vertoningen" type="number" />
          <TextField form={form} name="clicks" label="Klikken" type="number" />
          <TextField form={form} name="visitors" label="Bezoekers" type="number" />
          <TextField
            form={form}
            name="attendees"
            label="Deelnemers"
            type="number"
            description="Bij bijeenkomsten"
          />
        </>
      )}
    </ActionForm>
  );
}
