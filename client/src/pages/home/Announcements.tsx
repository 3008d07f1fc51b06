import { can, type Announcement, type Me } from '@herorientatie/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  useAnnouncements,
  usePublishAnnouncement,
  useRemoveAnnouncement,
} from '../../api/regional.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { TextArea, TextField } from '../../components/form.tsx';
import { formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { principalOf } from '../../principal.ts';

const FORM_PARAM = 'formulier';

function RemoveButton({
  announcement,
  onDone,
}: {
  announcement: Announcement;
  onDone: (message: string) => void;
}) {
  const remove = useRemoveAnnouncement();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        appearance="subtle"
        aria-haspopup="dialog"
        onClick={() => setAsking(true)}
        disabled={remove.isPending}
      >
        Bericht “{announcement.title}” verwijderen
      </Button>
      {remove.error && <Alert type="error">{remove.error.message}</Alert>}
      {asking && (
        <ConfirmDialog
          title="Bericht verwijderen"
          cancelLabel="Niet verwijderen"
          confirmLabel="Verwijderen"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            // Awaited, not a per-call callback: the removed message's row leaves the page
            // (and with it this component) as soon as the list is fetched again.
            remove.mutateAsync({ id: announcement.id, body: undefined }).then(
              () => onDone(`Het bericht “${announcement.title}” is verwijderd.`),
              () => undefined, // shown by remove.error
            );
          }}
        >
          <Paragraph>
            Het bericht “{announcement.title}” verdwijnt voor iedereen in de regio.
          </Paragraph>
        </ConfirmDialog>
      )}
    </>
  );
}

/** "Berichten uit de regio": read by all; the centre's coordinator posts and removes. */
export function Announcements({ me }: { me: Me }) {
  const announcements = useAnnouncements();
  const publish = usePublishAnnouncement();
  const [params, setParams] = useSearchParams();
  const [message, setMessage] = useState<string | null>(null);
  const manage = can(principalOf(me), 'announcement:manage');
  const writing = manage && params.get(FORM_PARAM) === 'bericht';
  const setWriting = (open: boolean) =>
    setParams(open ? { [FORM_PARAM]: 'bericht' } : {}, { replace: true });

  return (
    <section aria-labelledby="announcements-heading" className="app-section">
      <Heading level={2} id="announcements-heading">
        Berichten uit de regio
      </Heading>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      {manage &&
        (writing ? (
          <div className="app-form-panel app-actions">
            <ActionForm
              draft={['region', 'announcement']}
              mutation={publish}
              params={{}}
              initial={{}}
              title="Nieuw bericht"
              headingLevel={3}
              intro={
                <Paragraph>Alle medewerkers van de gemeenten in de regio lezen dit.</Paragraph>
              }
              submitLabel="Bericht plaatsen"
              success={(value) => `Het bericht “${value.title}” is geplaatst.`}
              onDone={(text) => {
                setWriting(false);
                setMessage(text);
              }}
              onCancel={() => setWriting(false)}
              keepsOn={[FORM_PARAM]}
            >
              {(form) => (
                <>
                  <TextField form={form} name="title" label="Titel *" />
                  <TextArea form={form} name="body" label="Bericht *" />
                </>
              )}
            </ActionForm>
          </div>
        ) : (
          <Button
            appearance="secondary-action"
            aria-expanded={false}
            onClick={() => {
              setMessage(null);
              setWriting(true);
            }}
          >
            Bericht plaatsen
          </Button>
        ))}
      {announcements.isPending && <Paragraph>Berichten laden…</Paragraph>}
      {announcements.error && <Alert type="error">{announcements.error.message}</Alert>}
      {announcements.data?.length === 0 && <Paragraph>Er zijn geen berichten.</Paragraph>}
      {announcements.data && announcements.data.length > 0 && (
        <ul className="app-cards">
          {announcements.data.map((a) => (
            <li key={a.id} className="app-card">
              <article aria-labelledby={`announcement-${a.id}`}>
                <Heading level={3} id={`announcement-${a.id}`}>
                  {a.title}
                </Heading>
                <p className="utrecht-paragraph app-preserve-lines">{a.body}</p>
                <small>
                  {a.publisherName}, gemeente {a.publisherMunicipality} ·{' '}
                  <time dateTime={a.publishedAt}>{formatDateTime(a.publishedAt)}</time>
                </small>
                {manage && <RemoveButton announcement={a} onDone={setMessage} />}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
