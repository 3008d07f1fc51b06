import { can, CASE_STATUS_LABELS, type Me, type SearchHit } from '@herorientatie/domain';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useBsnSearch, useSearch } from '../../api/case-work.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea, TextField } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import { useDebounced } from '../../useDebounced.ts';

const statusLabel = (status: string) =>
  CASE_STATUS_LABELS[status as keyof typeof CASE_STATUS_LABELS] ?? status;

function Hits({ hits, caption }: { hits: SearchHit[]; caption: string }) {
  if (hits.length === 0) return <Paragraph>Geen dossiers gevonden.</Paragraph>;
  return (
    <DataTable
      caption={caption}
      columns={['Dossier', 'Ondernemer', 'Bedrijf', 'Status', 'Gevonden in']}
      rows={hits.map((hit) => ({
        key: hit.caseId,
        cells: [
          <Link key="case" className="utrecht-link" to={`/dossiers/${hit.caseId}`}>
            {hit.reference}
          </Link>,
          hit.entrepreneurName,
          hit.businessName,
          statusLabel(hit.status),
          hit.matchedOn,
        ],
      }))}
    />
  );
}

/** Asks why the search by BSN is needed; the search is recorded with the reason. */
function BsnSearchDialog({
  onFound,
  onCancel,
}: {
  onFound: (hits: SearchHit[]) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title="Zoeken op BSN" onClose={onCancel}>
      <ActionForm
        draft={['search', 'bsn']}
        mutation={useBsnSearch()}
        params={{}}
        initial={{}}
        intro={<Paragraph>Zoeken op BSN wordt vastgelegd, met uw naam en de reden.</Paragraph>}
        submitLabel="Zoeken op BSN"
        success="Gezocht op BSN."
        onDone={(_message, hits) => onFound(hits)}
        onCancel={onCancel}
      >
        {(form) => (
          <>
            <TextField form={form} name="bsn" label="BSN *" />
            <TextArea form={form} name="reason" label="Waarom zoekt u op BSN? *" />
          </>
        )}
      </ActionForm>
    </Dialog>
  );
}

/** All results of a search, with where each was found; the header search leads here. */
export function SearchPage({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [askBsn, setAskBsn] = useState(false);
  const [bsnHits, setBsnHits] = useState<SearchHit[] | null>(null);
  // A new search from the header while this page is open: take its text over.
  const [lastQ, setLastQ] = useState(q);
  if (q !== lastQ) {
    setLastQ(q);
    if (q !== text.trim()) {
      setText(q);
      setBsnHits(null);
    }
  }
  const settled = useDebounced(text.trim(), 300);
  const search = useSearch(settled);
  const mayUseBsn = can(principalOf(me), 'entrepreneur:reveal-bsn');
  usePageTitle(q ? `Zoekresultaten voor “${q}”` : 'Zoeken');

  const onChange = (value: string) => {
    setText(value);
    setBsnHits(null);
    setParams(value.trim() ? { q: value.trim() } : {}, { replace: true });
  };
  const tooShort = settled.length < 2;

  return (
    <>
      <Heading level={1}>Zoeken</Heading>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="search-page-q">
          Zoek op naam, bedrijfsnaam, KvK-nummer, dossiernummer, postcode, e-mailadres,
          telefoonnummer of notitie
        </label>
        <input
          id="search-page-q"
          type="search"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {mayUseBsn && (
        <Button appearance="subtle" aria-haspopup="dialog" onClick={() => setAskBsn(true)}>
          Zoeken op BSN
        </Button>
      )}
      {askBsn && (
        <BsnSearchDialog
          onCancel={() => setAskBsn(false)}
          onFound={(hits) => {
            setAskBsn(false);
            setBsnHits(hits);
          }}
        />
      )}
      <div aria-live="polite">
        {bsnHits ? (
          <Hits
            hits={bsnHits}
            caption={`Op BSN: ${bsnHits.length} dossier${bsnHits.length === 1 ? '' : 's'}`}
          />
        ) : tooShort ? (
          <Paragraph>Typ ten minste twee tekens.</Paragraph>
        ) : search.isError ? (
          <Alert type="error">{search.error.message}</Alert>
        ) : search.isPending ? (
          <Paragraph>Zoeken…</Paragraph>
        ) : (
          <Hits
            hits={search.data}
            caption={`${search.data.length} dossier${search.data.length === 1 ? '' : 's'} gevonden voor “${settled}”`}
          />
        )}
      </div>
    </>
  );
}
