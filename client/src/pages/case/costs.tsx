import {
  formatEuro,
  SERVICE_TYPE_LABELS,
  type CostLine,
  type UncostedService,
} from '@herorientatie/domain';
import { useCaseCostLines, useCreditCostLine, useUncostedServices } from '../../api/finance.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { cardForm, CARD_KEEPS_ON, type CaseView } from './case-view.ts';

const CREDIT_FORM = 'credit';

export const warningText = (line: CostLine) =>
  line.warning === 'missing_contract'
    ? 'Geen geldig contract: nog zonder bedrag'
    : line.warning === 'over_maximum'
      ? 'Meer cliënten dan het contract toestaat'
      : null;

export function costAmountText(line: CostLine): string {
  if (line.amountCents === null) return 'geen bedrag';
  return formatEuro(line.kind === 'credit' ? -Math.abs(line.amountCents) : line.amountCents);
}

function CreditDialog({
  caseId,
  line,
  onDone,
  onCancel,
}: {
  caseId: string;
  line: CostLine;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const credit = useCreditCostLine();
  return (
    <Dialog title="Kostenregel crediteren" onClose={onCancel}>
      <ActionForm
        draft={[caseId, `credit-${line.id}`]}
        mutation={credit}
        params={{ caseId, lineId: line.id }}
        initial={{}}
        keepsOn={CARD_KEEPS_ON}
        intro={
          <Paragraph>
            {`${SERVICE_TYPE_LABELS[line.serviceType]} van ${formatDate(line.occurredOn)} (${costAmountText(line)}). `}
            Een kostenregel wordt nooit gewijzigd: er komt een creditregel bij, met uw reden.
          </Paragraph>
        }
        submitLabel="Crediteren"
        success="De kostenregel is gecrediteerd."
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => <TextArea form={form} name="reason" label="Reden *" />}
      </ActionForm>
    </Dialog>
  );
}

/** The costs of a case: each service with its provider and amount, and credits. */
export function CostsPanel({
  caseId,
  view,
  canCredit,
  onDone,
}: {
  caseId: string;
  view: CaseView;
  canCredit: boolean;
  onDone: (message: string) => void;
}) {
  const lines = useCaseCostLines(caseId);
  if (lines.error) return <Alert type="error">{lines.error.message}</Alert>;
  if (!lines.data) return <Paragraph>Kosten laden…</Paragraph>;
  const credited = new Set(lines.data.map((l) => l.creditsLineId).filter(Boolean));
  const open = lines.data.find((l) => view.form === cardForm(CREDIT_FORM, l.id));
  return (
    <>
      <Paragraph>
        Elke dienst staat hier, ook als die niets kost. Het bedrag volgt het contract met de
        aanbieder op de datum van de dienst.
      </Paragraph>
      {lines.data.length === 0 ? (
        <Paragraph>Er zijn nog geen kosten vastgelegd.</Paragraph>
      ) : (
        <DataTable
          caption="Kosten van dit dossier"
          columns={[
            'Dienst',
            'Aanbieder',
            'Datum',
            { label: 'Bedrag', numeric: true },
            'Toelichting',
            ...(canCredit ? ['Correctie'] : []),
          ]}
          rows={lines.data.map((line) => ({
            key: line.id,
            cells: [
              `${SERVICE_TYPE_LABELS[line.serviceType]}${line.kind === 'credit' ? ' (credit)' : ''}`,
              line.provider ?? '—',
              formatDate(line.occurredOn),
              costAmountText(line),
              line.kind === 'credit' ? `Reden: ${line.reason ?? ''}` : (warningText(line) ?? ''),
              ...(canCredit
                ? [
                    line.kind === 'charge' &&
                    line.amountCents !== null &&
                    !credited.has(line.id) ? (
                      <Button
                        key="credit"
                        appearance="secondary-action"
                        onClick={() => view.openForm(cardForm(CREDIT_FORM, line.id))}
                      >
                        {`Crediteren: ${SERVICE_TYPE_LABELS[line.serviceType]} ${formatDate(line.occurredOn)}`}
                      </Button>
                    ) : (
                      ''
                    ),
                  ]
                : []),
            ],
          }))}
        />
      )}
      <UncostedServices caseId={caseId} />
      {canCredit && open && (
        <CreditDialog caseId={caseId} line={open} onDone={onDone} onCancel={view.closeForm} />
      )}
    </>
  );
}

const PAID_BY: Record<UncostedService['paidBy'], string> = {
  free: 'Kosteloos voor de gemeente (verwijzing gestart)',
  bbz_credit: 'Betaald uit het Bbz-bedrijfskrediet van de ondernemer',
  debt_assistance: 'Betaald uit het budget schuldhulpverlening, buiten dit budget',
};

/** Services the entrepreneur received without a cost line in this budget. */
function UncostedServices({ caseId }: { caseId: string }) {
  const services = useUncostedServices(caseId);
  if (!services.data || services.data.length === 0) return null;
  return (
    <DataTable
      caption="Diensten zonder kostenregel in dit budget"
      columns={[
        'Dienst',
        'Aanbieder',
        'Gestart',
        { label: 'Bedrag', numeric: true },
        'Toelichting',
      ]}
      rows={services.data.map((s) => ({
        key: s.referralId,
        cells: [
          SERVICE_TYPE_LABELS[s.serviceType],
          s.provider,
          formatDate(s.startedOn),
          s.paidBy === 'free' ? formatEuro(0) : '—',
          PAID_BY[s.paidBy],
        ],
      }))}
    />
  );
}
