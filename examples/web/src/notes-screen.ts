// The Notes screen: the viewer's notes newest first, a page at a time with
// "More", a create form, and per-note inline edit and delete. The API decides
// whose notes these are (`notes` is always the viewer's own); the screen only
// makes sure nothing of one session is drawn into the next.
import type { AuthClient } from './auth-client.js';
import { formAction, type Run } from './form-action.js';
import { CreateNoteDocument, DeleteNoteDocument, MyNotesDocument, UpdateNoteDocument } from './notes-operations.js';
import { button, clearFieldErrors, element } from './render-form.js';
import { drawEditor, drawNote, noteForm, type Note } from './render-notes.js';

/** Small enough that a handful of notes already shows "More". */
export const notesPageSize = 10;

export interface NotesScreenDeps {
  readonly api: AuthClient;
  /** The page's runner: shows "Working…", then the error of a failed action. */
  readonly run: Run;
  readonly log: (text: string) => void;
}

export interface NotesScreen {
  /** Shows the section and the first page of the viewer's notes. */
  load(): Promise<void>;
  /** Hides the section and forgets every note drawn (on sign-out). */
  clear(): void;
}

export function createNotesScreen(section: HTMLElement, { api, run, log }: NotesScreenDeps): NotesScreen {
  const create = noteForm('note', 'Add note');
  const list = element('ul');
  list.id = 'notes-list';
  const empty = element('p', 'No notes yet.');
  empty.id = 'notes-empty';
  const more = button('More', 'more');
  more.id = 'notes-more';
  section.replaceChildren(element('h2', 'Your notes'), create.form, empty, list, more);

  let endCursor: string | null = null;
  // Bumped by load and clear: an answer that arrives after a sign-out (or a
  // newer load) belongs to a list no longer shown and is dropped, so one
  // user's notes are never drawn for the next one at the same screen.
  let generation = 0;

  function showPaging(hasNextPage: boolean): void {
    more.hidden = !hasNextPage;
    empty.hidden = list.childElementCount > 0;
  }

  function rowOf(id: string): HTMLLIElement | undefined {
    return [...list.children].find((row): row is HTMLLIElement => row instanceof HTMLLIElement && row.dataset['noteId'] === id);
  }

  function rowFor(note: Note): HTMLLIElement {
    const row = element('li');
    show(row, note);
    return row;
  }

  function show(row: HTMLLIElement, note: Note): void {
    drawNote(row, note, { onEdit: () => edit(row, note), onDelete: () => remove(row, note) });
  }

  const act = formAction(run);

  async function fetchPage(after: string | null): Promise<void> {
    const at = generation;
    const { notes } = await api.request(MyNotesDocument, { first: notesPageSize, after });
    if (at !== generation) return;
    for (const { node } of notes.edges) if (rowOf(node.id) === undefined) list.append(rowFor(node));
    endCursor = notes.pageInfo.endCursor;
    showPaging(notes.pageInfo.hasNextPage);
  }

  function edit(row: HTMLLIElement, note: Note): void {
    const editor = drawEditor(row, note, () => show(row, note));
    editor.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(editor.form, editor.form, async () => {
        const at = generation;
        const { updateNote } = await api.request(UpdateNoteDocument, { id: note.id, title: editor.title.value, body: editor.body.value });
        if (at !== generation) return;
        if (updateNote === null) {
          // Deleted meanwhile (in another tab, say): the API answers as for a missing note.
          row.remove();
          showPaging(!more.hidden);
          log('That note no longer exists');
          return;
        }
        show(row, updateNote);
        log(`Saved note “${updateNote.title}”`);
      });
    });
  }

  function remove(row: HTMLLIElement, note: Note): void {
    if (!window.confirm(`Delete the note “${note.title}”?`)) return;
    void act(row, undefined, async () => {
      const at = generation;
      const { deleteNote } = await api.request(DeleteNoteDocument, { id: note.id });
      if (at !== generation) return;
      // False: it was gone already. Either way it is not in the list any more.
      row.remove();
      showPaging(!more.hidden);
      log(deleteNote ? `Deleted note “${note.title}”` : 'That note was already deleted');
    });
  }

  create.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(create.form, create.form, async () => {
      const at = generation;
      const { createNote } = await api.request(CreateNoteDocument, { title: create.title.value, body: create.body.value });
      if (at !== generation) return;
      // Newest first: a new note goes on top; the cursor of the pages below still holds.
      list.prepend(rowFor(createNote));
      showPaging(!more.hidden);
      create.form.reset();
      create.title.focus();
      log(`Created note “${createNote.title}”`);
    });
  });

  more.addEventListener('click', () => void act(more, undefined, () => fetchPage(endCursor)));

  function forgetList(): void {
    generation += 1;
    endCursor = null;
    list.replaceChildren();
    empty.hidden = true;
    more.hidden = true;
  }

  return {
    // A reload redraws the list but keeps a note being typed in the create form.
    async load() {
      forgetList();
      section.hidden = false;
      await fetchPage(null);
    },
    clear() {
      forgetList();
      create.form.reset();
      clearFieldErrors(create.form);
      section.hidden = true;
    },
  };
}
