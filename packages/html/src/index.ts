/**
 * The one way HTML is written, in emails (notifications) and pages (web): templates are tagged
 * template literals, and every interpolated value is escaped unless it is already `SafeHtml`
 * (another template, or `raw()` for trusted markup). Arrays are joined; `null`, `undefined` and
 * `false` render nothing. No template concatenates HTML by hand, so a name or a title typed by
 * someone can never inject markup.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]!)
}

/** HTML built by the `html` tag: the only value `html` interpolates without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** What a template may interpolate. */
export type Content = SafeHtml | string | number | null | undefined | false | readonly Content[]

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += interpolate(value) + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}

function interpolate(value: unknown): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(interpolate).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(value)
}

/** Trusted markup, inserted as is. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup)
