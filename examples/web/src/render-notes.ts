// Draws the Notes screen's pieces: a note's row, the create form and the
// inline editor. A note's title and body are whatever its owner typed, so
// they go in through textContent and input values only, never innerHTML:
// a title such as `<img src=x onerror=alert(1)>` stays text.
import type { NoteFieldsFragment as Note } from './gql/graphql.js';
import { button, element, field, when } from './render-form.js';

export type { Note };

export interface NoteFormElements {
  readonly form: HTMLFormElement;
  readonly title: HTMLInputElement;
  readonly body: HTMLTextAreaElement;
}

/**
 * The create form and the inline editor share this shape. There is no
 * `maxlength`: the API counts characters (an emoji is one) where the browser
 * counts UTF-16 units, so the API decides and its error shows beside the field.
 */
export function noteForm(idPrefix: string, submitText: string, note?: Note): NoteFormElements {
  const form = element('form');
  form.id = `${idPrefix}-form`;
  form.className = 'note-form';
  form.noValidate = true; // empty or too long: the API's own message, next to the field
  const title = element('input');
  title.type = 'text';
  title.autocomplete = 'off';
  const body = element('textarea');
  body.rows = 3;
  if (note) {
    title.value = note.title;
    body.value = note.body;
  }
  form.append(field('Title', 'title', title, idPrefix), field('Body', 'body', body, idPrefix));
  const actions = element('div');
  actions.append(button(submitText, 'save', 'submit'));
  form.append(actions);
  return { form, title, body };
}

export interface NoteRowActions {
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

/** Fills a row with the note as read: title, body, dates, Edit and Delete. */
export function drawNote(row: HTMLLIElement, note: Note, actions: NoteRowActions): void {
  row.dataset['noteId'] = note.id;
  row.className = 'note';
  const title = element('h3', note.title);
  title.className = 'note-title';
  const body = element('p', note.body);
  body.className = 'note-body';
  const edited = note.updatedAt !== note.createdAt ? ` · edited ${when(note.updatedAt)}` : '';
  const meta = element('small', `written ${when(note.createdAt)}${edited} `);
  meta.className = 'note-meta';
  const edit = button('Edit', 'edit');
  edit.addEventListener('click', actions.onEdit);
  const remove = button('Delete', 'delete');
  remove.addEventListener('click', actions.onDelete);
  meta.append(edit, remove);
  row.replaceChildren(title, body, meta);
}

/** Replaces a row's content with the inline editor: title and body, Save and Cancel. */
export function drawEditor(row: HTMLLIElement, note: Note, onCancel: () => void): NoteFormElements {
  const editor = noteForm(`edit-${note.id}`, 'Save', note);
  editor.form.classList.add('note-editor');
  const cancel = button('Cancel', 'cancel');
  cancel.addEventListener('click', onCancel);
  editor.form.querySelector('div')?.append(cancel);
  row.replaceChildren(editor.form);
  editor.title.focus();
  return editor;
}
