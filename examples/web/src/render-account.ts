// Draws the signed-in view. Text goes in through textContent only, so nothing
// the API returns (a User-Agent, say) can become markup or script.
import type { MeQuery, MySessionsQuery } from './gql/graphql.js';

type Me = NonNullable<MeQuery['me']>;
type Session = NonNullable<MySessionsQuery['me']>['sessions'][number];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  return created;
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function renderMe(target: HTMLElement, me: Me): void {
  target.replaceChildren(
    element('strong', me.email),
    document.createTextNode(` · ${me.role} · member since ${when(me.createdAt)}`),
  );
}

/** One row per device; `onSignOut` ends that session (this one included). */
export function renderSessions(target: HTMLElement, sessions: readonly Session[], onSignOut: (session: Session) => void): void {
  target.replaceChildren(
    ...sessions.map((session) => {
      const row = element('li');
      row.dataset['sessionId'] = session.id;
      row.dataset['current'] = String(session.current);
      const device = element('span', session.userAgent ?? 'Unknown device');
      device.className = 'device';
      const details = element('span', ` · signed in ${when(session.createdAt)} · last used ${when(session.lastUsedAt)}${session.current ? ' · this device' : ''} `);
      const button = element('button', session.current ? 'Sign out here' : 'Sign out');
      button.type = 'button';
      button.addEventListener('click', () => onSignOut(session));
      row.append(device, details, button);
      return row;
    }),
  );
}
