import type { Note } from '@herorientatie/domain';
import { useAddNote, useCorrectNote, useNotes } from '../../api/case-work.ts';
import { TextArea } from '../../components/form.tsx';
import { formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { cardForm, CARD_KEEPS_ON, type CaseView } from './case-view.ts';
import { RecordHistory } from './records.tsx';

interface NotesPanelProps {
  caseId: string;
  view: CaseView;
  /** Whether notes may be added and corrected: the user may write on this case. */
  canChange: boolean;
  onDone: (message: string) => void;
}

function AddNoteForm({ caseId, view, onDone }: Omit<NotesPanelProps, 'canChange'>) {
  return (
    <ActionForm
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, 'addNote']}
      mutation={useAddNote()}
      params={{ caseId }}
      initial={{}}
      title="Notitie toevoegen"
      headingLevel={3}
      submitLabel="Notitie opslaan"
      success="De notitie is opgeslagen."
      onDone={onDone}
      onCancel={view.closeForm}
    >
      {(form) => <TextArea form={form} name="text" label="Notitie *" />}
    </ActionForm>
  );
}

function CorrectNoteForm({
  caseId,
  note,
  view,
  onDone,
}: Omit<NotesPanelProps, 'canChange'> & { note: Note }) {
  return (
    <ActionForm
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, `correctNote.${note.id}`]}
      mutation={useCorrectNote()}
      params={{ caseId, noteId: note.id }}
      initial={{ text: note.text }}
      title="Notitie corrigeren"
      headingLevel={3}
      intro={
        <Paragraph>
          Pas aan wat niet klopt. De huidige versie blijft bewaard en is te zien onder Eerdere
          versies.
        </Paragraph>
      }
      submitLabel="Correctie opslaan"
      success="De notitie is gecorrigeerd."
      onDone={onDone}
      onCancel={view.closeForm}
    >
      {(form) => (
        <>
          <TextArea form={form} name="text" label="Notitie *" />
          <TextArea
            form={form}
            name="correctionReason"
            label="Wat corrigeert u en waarom? *"
            description="Komt bij de eerdere versie en op de tijdlijn"
          />
        </>
      )}
    </ActionForm>
  );
}

/** Free notes on a case, newest first; a correction keeps the earlier version. */
export function NotesPanel(props: NotesPanelProps) {
  const { caseId, view, canChange } = props;
  const notes = useNotes(caseId);
  if (notes.isPending) return <Paragraph>Notities laden…</Paragraph>;
  if (notes.error) return <Alert type="error">{notes.error.message}</Alert>;
  const list = [...notes.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      {canChange &&
        (view.form === 'addNote' ? (
          <div className="app-card__form">
            <AddNoteForm {...props} />
          </div>
        ) : (
          <Button appearance="secondary-action" onClick={() => view.openForm('addNote')}>
            Notitie toevoegen
          </Button>
        ))}
      {list.length === 0 ? (
        <Paragraph>Nog geen notities.</Paragraph>
      ) : (
        <ul className="app-cards" aria-label="Notities">
          {list.map((note) => (
            <li key={note.id} className="app-card">
              <strong>
                {formatDateTime(note.createdAt)} · {note.authorName}
              </strong>
              <div className="app-note">{note.text}</div>
              {note.version > 1 && <small>Gecorrigeerd op {formatDateTime(note.updatedAt)}</small>}
              {canChange &&
                (view.form === cardForm('correctNote', note.id) ? (
                  <div className="app-card__form">
                    <CorrectNoteForm {...props} note={note} />
                  </div>
                ) : (
                  <Button
                    appearance="secondary-action"
                    onClick={() => view.openForm(cardForm('correctNote', note.id))}
                  >
                    Notitie corrigeren
                  </Button>
                ))}
              <RecordHistory
                caseId={caseId}
                kind="note"
                recordId={note.id}
                version={note.version}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
