import { formatEuro, type CampaignAttribution } from '@herorientatie/domain';
import { useAttribution } from '../../api/campaigns.ts';
import { BarFigure, FIGURE_COLOURS } from '../../components/charts.tsx';
import { anyHidden, Count, SuppressionNote } from '../../components/figures.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Heading, Paragraph } from '../../components/ui.tsx';

const costText = (cents: number | null) => (cents === null ? '—' : formatEuro(cents));

function ByChannel({ figures }: { figures: CampaignAttribution }) {
  const shown = figures.channels.filter((c) => !c.signUps.suppressed && !c.intakes.suppressed);
  return (
    <>
      <DataTable
        caption="Per kanaal"
        columns={[
          'Kanaal',
          'Code',
          { label: 'Uitgegeven', numeric: true },
          { label: 'Aanmeldingen', numeric: true },
          { label: 'Intakes', numeric: true },
          { label: 'Kosten per aanmelding', numeric: true },
        ]}
        rows={figures.channels.map((c) => ({
          key: c.channelId,
          cells: [
            c.name,
            <code key="code">{c.code}</code>,
            formatEuro(c.spentCents),
            <Count key="s" count={c.signUps} />,
            <Count key="i" count={c.intakes} />,
            costText(c.costPerSignUpCents),
          ],
        }))}
        footer={[
          'Hele campagne',
          '',
          formatEuro(figures.total.spentCents),
          <Count key="s" count={figures.total.signUps} />,
          <Count key="i" count={figures.total.intakes} />,
          costText(figures.total.costPerSignUpCents),
        ]}
      />
      {shown.length > 0 && (
        <BarFigure
          caption={`Aanmeldingen en intakes per kanaal.${
            shown.length < figures.channels.length
              ? ' Kanalen met een verborgen aantal staan niet in de grafiek.'
              : ''
          }`}
          data={shown.map((c) => ({
            name: c.name,
            signUps: c.signUps.value ?? 0,
            intakes: c.intakes.value ?? 0,
          }))}
          category="name"
          format={(v) => v.toLocaleString('nl-NL')}
          series={[
            { key: 'signUps', label: 'Aanmeldingen', color: FIGURE_COLOURS.spent },
            { key: 'intakes', label: 'Intakes', color: FIGURE_COLOURS.second },
          ]}
        />
      )}
    </>
  );
}

function ByMunicipality({ figures }: { figures: CampaignAttribution }) {
  return (
    <DataTable
      caption="Per gemeente"
      columns={[
        'Gemeente',
        { label: 'Aanmeldingen', numeric: true },
        { label: 'Intakes', numeric: true },
      ]}
      rows={figures.municipalities.map((m) => ({
        key: m.code,
        cells: [
          m.own ? `${m.name} (uw gemeente)` : m.name,
          <Count key="s" count={m.signUps} />,
          <Count key="i" count={m.intakes} />,
        ],
      }))}
    />
  );
}

/**
 * What the campaign brought in: sign-ups, intakes and cost per sign-up, per channel and
 * per municipality. Small counts of other municipalities are hidden by the server.
 */
export function AttributionSection({
  campaignId,
  ownKnown,
}: {
  campaignId: string;
  /** Whether the user reads the own municipality's cases, whose counts then show in full. */
  ownKnown: boolean;
}) {
  const attribution = useAttribution(campaignId);
  const figures = attribution.data;
  const hidden =
    figures &&
    anyHidden([
      figures.total.signUps,
      figures.total.intakes,
      ...figures.channels.flatMap((c) => [c.signUps, c.intakes]),
      ...figures.municipalities.flatMap((m) => [m.signUps, m.intakes]),
    ]);
  return (
    <section aria-labelledby="attribution-heading" className="app-section">
      <Heading level={2} id="attribution-heading">
        Resultaat: aanmeldingen en kosten
      </Heading>
      {attribution.isPending && <Paragraph>Laden…</Paragraph>}
      {attribution.error && <Alert type="error">{attribution.error.message}</Alert>}
      {figures && (
        <>
          <Paragraph>
            Aanmeldingen die binnenkwamen via de aanmeldlink of QR-code van een kanaal, en hoeveel
            daarvan een intake hadden. Kosten per aanmelding staan er alleen bij minstens{' '}
            {figures.threshold} aanmeldingen.
          </Paragraph>
          {figures.channels.length === 0 ? (
            <Paragraph>Deze campagne heeft nog geen kanalen.</Paragraph>
          ) : (
            <ByChannel figures={figures} />
          )}
          {figures.municipalities.length > 0 && <ByMunicipality figures={figures} />}
          {hidden && (
            <SuppressionNote
              threshold={figures.threshold}
              extra={
                ownKnown ? 'Van uw eigen gemeente ziet u de aantallen zoals ze zijn.' : undefined
              }
            />
          )}
        </>
      )}
    </section>
  );
}
