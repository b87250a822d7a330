// HTML built only through this tag: every interpolated value is escaped unless
// it is itself the result of the tag, so an address, a User-Agent or any other
// text a user chose can never become markup in a mail.
const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

/** Markup that is already safe: made by `html`. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

const render = (value: HtmlValue): string =>
  value instanceof SafeHtml ? value.markup : Array.isArray(value) ? value.map((v: SafeHtml) => v.markup).join('') : escapeHtml(String(value));

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}
