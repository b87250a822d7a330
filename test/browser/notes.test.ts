// The web example's Notes screen in a real Chromium against the real server:
// Ada signs up in the page and creates, edits and deletes notes there; Bob,
// through the API, writes notes of his own that Ada's list never shows. A
// title written as markup stays text, the API's field errors show beside
// their field, and "More" pages through the list a page at a time. The page
// has its own origin (CORS_ORIGINS), as in web-example.test.ts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPassword, login, signup, type SignedIn } from '../helpers/accounts.js';
import { chromiumAvailable, openExampleInChromium, type ExampleInChromium } from '../helpers/example-in-chromium.js';
import type { TestServer } from '../helpers/start-test-server.js';

const ada = 'ada@example.com';
const bob = 'bob@example.com';
const markupTitle = '<img src=x onerror=alert(1)>';
const pageSize = 10; // examples/web/src/notes-screen.ts

interface ApiNote {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

describe.skipIf(!chromiumAvailable('test/browser/notes.test.ts'))('the Notes screen of the web example in Chromium', () => {
  const operations: string[] = [];
  const dialogs: Array<{ readonly type: string; readonly message: string }> = [];
  let acceptConfirm = true;
  let example: ExampleInChromium;
  let server: TestServer;
  let page: Page;
  let bobApi: SignedIn;

  const activity = (text: string) => page.locator('#activity li', { hasText: text }).first().waitFor();
  const titles = () => page.locator('#notes-list .note-title').allTextContents();
  const rowTitled = (title: string) => page.locator('#notes-list li').filter({ has: page.getByText(title, { exact: true }) });
  const rowWithId = (id: string) => page.locator(`#notes-list li[data-note-id="${id}"]`);

  async function createInPage(title: string, body: string): Promise<void> {
    await page.fill('#note-title', title);
    await page.fill('#note-body', body);
    await page.click('#note-form button.save');
  }

  async function createThroughApi(token: string, title: string, body = ''): Promise<string> {
    const result = await server.graphql('mutation($t: String!, $b: String!) { createNote(title: $t, body: $b) { id } }', { token, variables: { t: title, b: body } });
    expect(result.body.errors).toBeUndefined();
    return (result.body.data?.['createNote'] as { id: string }).id;
  }

  /** Ada's notes as the API has them, newest first (a token of a second session of hers). */
  async function adaNotesInApi(): Promise<ApiNote[]> {
    const { accessToken } = await login(server, ada);
    const result = await server.graphql('{ notes(first: 100) { edges { node { id title body } } } }', { token: accessToken });
    expect(result.body.errors).toBeUndefined();
    return (result.body.data?.['notes'] as { edges: Array<{ node: ApiNote }> }).edges.map((edge) => edge.node);
  }

  beforeAll(async () => {
    example = await openExampleInChromium({ name: 'notes' });
    ({ server, page } = example);
    // Every dialog is recorded: an alert() would mean a note's text ran as script.
    page.on('dialog', (dialog) => {
      dialogs.push({ type: dialog.type(), message: dialog.message() });
      void (dialog.type() === 'confirm' && acceptConfirm ? dialog.accept() : dialog.dismiss());
    });
    page.on('request', (request) => {
      if (request.url() !== example.apiUrl || request.method() !== 'POST') return;
      const query = (request.postDataJSON() as { query?: string } | null)?.query ?? '';
      operations.push(/^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous');
    });
    await page.goto(`${example.site.origin}/`);
  });

  afterAll(() => example?.close());

  it('shows the Notes section only once signed in, empty for a new user', async () => {
    expect(await page.locator('#notes').isHidden()).toBe(true);
    bobApi = await signup(server, bob);
    await createThroughApi(bobApi.accessToken, "Bob's private plan", 'not for Ada');
    await page.fill('#email', ada);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-up');
    await page.locator('#notes-empty', { hasText: 'No notes yet.' }).waitFor();
    expect(await page.locator('#notes').isVisible()).toBe(true);
    expect(await page.locator('#notes-more').isHidden()).toBe(true);
    expect(await page.locator('#notes').textContent()).not.toContain("Bob's private plan");
  });

  it('creates notes, newest first, and lists only the viewer’s own', async () => {
    await createInPage('Groceries', 'milk\neggs');
    await activity('Created note “Groceries”');
    await createInPage('Call the bank', '');
    await activity('Created note “Call the bank”');
    expect(await titles()).toEqual(['Call the bank', 'Groceries']);
    expect(await rowTitled('Groceries').locator('.note-body').textContent()).toBe('milk\neggs');
    expect(await page.locator('#notes-empty').isHidden()).toBe(true);
    expect(await page.inputValue('#note-title')).toBe(''); // the form is ready for the next one
    expect((await adaNotesInApi()).map((note) => note.title)).toEqual(['Call the bank', 'Groceries']);
    expect(await page.locator('#notes').textContent()).not.toContain("Bob's private plan");
  });

  it('shows a too-long title next to the title field, keeps what was typed, and creates nothing', async () => {
    const tooLong = 't'.repeat(201);
    await createInPage(tooLong, 'body');
    await page.locator('#note-title-error', { hasText: 'Title must be 1 to 200 characters' }).waitFor();
    expect(await page.getAttribute('#note-title', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#note-title')).toBe(tooLong);
    expect(await page.textContent('#status')).toBe(''); // beside the field, not a page-wide error
    expect(await titles()).toEqual(['Call the bank', 'Groceries']);
    expect(await adaNotesInApi()).toHaveLength(2);
    // Corrected, it goes through and the error goes away.
    await createInPage('t'.repeat(200), 'body');
    await activity(`Created note “${'t'.repeat(200)}”`);
    expect(await page.textContent('#note-title-error')).toBe('');
    expect(await page.getAttribute('#note-title', 'aria-invalid')).toBeNull();
  });

  it('renders a note whose title and body are markup as text, never as elements', async () => {
    await createInPage(markupTitle, '<script>alert(2)</script><b>bold</b>');
    await activity('Created note “<img');
    const row = rowTitled(markupTitle);
    expect(await row.locator('.note-title').textContent()).toBe(markupTitle);
    expect(await row.locator('.note-title').innerHTML()).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(await row.locator('.note-body').textContent()).toBe('<script>alert(2)</script><b>bold</b>');
    expect(await page.locator('#notes img, #notes script, #notes b, #activity img').count()).toBe(0);
    expect(dialogs.filter((d) => d.type === 'alert')).toEqual([]);
  });

  it('edits a note inline: Cancel keeps it, a too-long body shows beside the body, Save changes it in the API', async () => {
    const id = await rowTitled('Groceries').getAttribute('data-note-id');
    if (id === null) throw new Error('the row has no data-note-id');
    const row = rowWithId(id);
    await row.locator('button.edit').click();
    expect(await row.locator('input[name=title]').inputValue()).toBe('Groceries');
    expect(await row.locator('textarea[name=body]').inputValue()).toBe('milk\neggs');
    await row.locator('input[name=title]').fill('Changed my mind');
    await row.locator('button.cancel').click();
    expect(await row.locator('.note-title').textContent()).toBe('Groceries');

    await row.locator('button.edit').click();
    await row.locator('textarea[name=body]').fill('b'.repeat(20_001));
    await row.locator('button.save').click();
    await row.locator('[data-error-for=body]', { hasText: 'Body must be at most 20000 characters' }).waitFor();
    expect(await row.locator('[data-error-for=title]').textContent()).toBe('');

    server.clock.advance(60_000);
    await row.locator('input[name=title]').fill('Groceries for Sunday');
    await row.locator('textarea[name=body]').fill('milk\neggs\nbread');
    await row.locator('button.save').click();
    await activity('Saved note “Groceries for Sunday”');
    expect(await row.locator('.note-title').textContent()).toBe('Groceries for Sunday');
    expect(await row.locator('.note-body').textContent()).toBe('milk\neggs\nbread');
    expect(await row.locator('.note-meta').textContent()).toContain('edited');
    expect((await adaNotesInApi()).find((note) => note.id === id)).toMatchObject({ title: 'Groceries for Sunday', body: 'milk\neggs\nbread' });
  });

  it('deletes a note only once the user confirms', async () => {
    const id = await rowTitled('Call the bank').getAttribute('data-note-id');
    acceptConfirm = false;
    const [asked] = await Promise.all([page.waitForEvent('dialog'), rowTitled('Call the bank').locator('button.delete').click()]);
    expect({ type: asked.type(), message: asked.message() }).toEqual({ type: 'confirm', message: 'Delete the note “Call the bank”?' });
    expect(await rowTitled('Call the bank').count()).toBe(1);
    expect((await adaNotesInApi()).some((note) => note.id === id)).toBe(true);

    acceptConfirm = true;
    await rowTitled('Call the bank').locator('button.delete').click();
    await activity('Deleted note “Call the bank”');
    expect(await rowTitled('Call the bank').count()).toBe(0);
    expect((await adaNotesInApi()).some((note) => note.id === id)).toBe(false);
    expect(await titles()).toEqual([markupTitle, 't'.repeat(200), 'Groceries for Sunday']);
  });

  it('pages through 25 more notes with More, newest first, never showing another user’s', async () => {
    server.clock.advance(61_000); // a fresh createNote window for the seeding below
    const { accessToken } = await login(server, ada);
    const seeded: string[] = [];
    for (let n = 1; n <= 25; n += 1) {
      const title = `Seed ${String(n).padStart(2, '0')}`;
      await createThroughApi(accessToken, title);
      seeded.unshift(title);
      // Bob writes in between: his notes sit among Ada's in the table, not in her pages.
      if (n % 10 === 0) await createThroughApi(bobApi.accessToken, `Bob's note ${n}`);
    }
    const expected = [...seeded, markupTitle, 't'.repeat(200), 'Groceries for Sunday'];
    expect((await adaNotesInApi()).map((note) => note.title)).toEqual(expected);

    await page.fill('#note-title', 'A draft of Ada');
    operations.length = 0;
    await page.click('#reload');
    await page.locator('#notes-list li').nth(pageSize - 1).waitFor();
    expect(await titles()).toEqual(expected.slice(0, pageSize));
    await page.click('#notes-more');
    await page.locator('#notes-list li').nth(2 * pageSize - 1).waitFor();
    expect(await titles()).toEqual(expected.slice(0, 2 * pageSize));
    await page.click('#notes-more');
    await page.locator('#notes-more').waitFor({ state: 'hidden' });
    expect(await titles()).toEqual(expected);
    expect(operations.filter((name) => name === 'MyNotes')).toHaveLength(3); // a page per request, not all at once
    expect(await page.inputValue('#note-title')).toBe('A draft of Ada'); // a reload keeps what is being typed
    expect(await page.locator('#notes').textContent()).not.toContain('Bob');
  });

  it('clears the notes on sign-out; Bob signing in at the same page sees only his', async () => {
    await page.click('#sign-out');
    await page.locator('#auth-form').waitFor({ state: 'visible' });
    expect(await page.locator('#notes').isHidden()).toBe(true);
    expect(await page.locator('#notes-list li').count()).toBe(0);

    await page.fill('#email', bob);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-in');
    await page.locator('#notes-list li').nth(2).waitFor();
    expect(await titles()).toEqual(["Bob's note 20", "Bob's note 10", "Bob's private plan"]);
    expect(await page.locator('#notes').textContent()).not.toContain('Groceries');
    expect(await page.inputValue('#note-title')).toBe(''); // Ada's draft went with her session
  });
});
