// Every operation the Notes screen sends. `npm run codegen` types them in
// ./gql/ like the account's operations (operations.ts), so the screen is
// checked by the compiler against the live schema.
import { graphql } from './gql/index.js';

// What the screen shows of a note; every operation answers with it so a row
// is redrawn from the server's copy, never from what was typed.
export const NoteFieldsFragment = graphql(`
  fragment NoteFields on Note {
    id
    title
    body
    createdAt
    updatedAt
  }
`);

export const MyNotesDocument = graphql(`
  query MyNotes($first: Int!, $after: String) {
    notes(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...NoteFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateNoteDocument = graphql(`
  mutation CreateNote($title: String!, $body: String!) {
    createNote(title: $title, body: $body) {
      ...NoteFields
    }
  }
`);

export const UpdateNoteDocument = graphql(`
  mutation UpdateNote($id: ID!, $title: String!, $body: String!) {
    updateNote(id: $id, title: $title, body: $body) {
      ...NoteFields
    }
  }
`);

export const DeleteNoteDocument = graphql(`
  mutation DeleteNote($id: ID!) {
    deleteNote(id: $id)
  }
`);
