import { useOpenCases } from '../../api/regional.ts';
import { anyHidden, Count, SuppressionNote } from '../../components/figures.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Heading, Paragraph } from '../../components/ui.tsx';

/** Open cases per municipality of the region; small counts stay hidden. */
export function OpenCases() {
  const figure = useOpenCases();
  return (
    <section aria-labelledby="open-cases-heading" className="app-section">
      <Heading level={2} id="open-cases-heading">
        Open dossiers per gemeente
      </Heading>
      {figure.isPending && <Paragraph>Laden…</Paragraph>}
      {figure.error && <Alert type="error">{figure.error.message}</Alert>}
      {figure.data && (
        <>
          <DataTable
            caption="Dossiers die nog lopen, per gemeente van de regio"
            columns={['Gemeente', { label: 'Open dossiers', numeric: true }]}
            rows={figure.data.municipalities.map((m) => ({
              key: m.code,
              cells: [m.name, <Count key="count" count={m.openCases} />],
            }))}
            footer={['Hele regio', <Count key="count" count={figure.data.region} />]}
          />
          {anyHidden([
            figure.data.region,
            ...figure.data.municipalities.map((m) => m.openCases),
          ]) && <SuppressionNote threshold={figure.data.threshold} />}
        </>
      )}
    </section>
  );
}
