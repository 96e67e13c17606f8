import type { StaffScope } from '@osinum/contracts'
import { sanitizeHtml } from '@osinum/markdown'
import { type Content, type Html, html, raw } from './html.js'
import type { FieldError, PageProblem } from './problems.js'

/** What every template receives: the CSRF token of its forms, who is signed in, the operator. */
export interface PageContext {
  csrf: string
  path: string
  signedIn: boolean
  name: string | null
  email: string | null
  orgs: Array<{ id: string; name: string; referent: boolean; verified: boolean }>
  /** Staff roles (none for commune members) and the operator they are scoped to (null: national). */
  staff: StaffScope
  /** The operator's name as pages say it (« Syndicat numérique de … »), or osinum. */
  operatorName: string
  operatorWebsite: string | null
  /** Unread in-app notifications of the signed-in person (menu « Notifications (3) »), null if unknown. */
  unread: number | null
}

/** What a template returns: the page title (« Connexion »), the content of `<main>`, its status. */
export interface View {
  title: string
  main: Html
  status?: number
  /** A problem on the page (the title then starts with « Erreur : »). */
  problem?: PageProblem
}

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`

/** The summary at the top of a form in error: the message, then a link to each field in error. */
export function errorSummary(problem: PageProblem | undefined): Html {
  if (!problem) return html``
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">Il y a un problème</h2>
<p>${problem.message}</p>
${problem.fields.length ? html`<ul>${problem.fields.map((f) => html`<li><a href="#${f.field}">${f.message}</a></li>`)}</ul>` : ''}
</div>`
}

export const fieldError = (problem: PageProblem | undefined, name: string): FieldError | undefined =>
  problem?.fields.find((f) => f.field === name)

export interface FieldOptions {
  name: string
  label: string
  type?: 'text' | 'email' | 'password' | 'search'
  value?: string | null
  hint?: string
  problem?: PageProblem
  autocomplete?: string
  required?: boolean
  inputmode?: 'numeric' | 'email' | 'text'
  /** Short inputs (a postcode) are narrower. */
  short?: boolean
  minlength?: number
}

/** A field's label, hint and error, and the ids its control must be described by. */
function labelled(o: { name: string; label: string; hint?: string; problem?: PageProblem }) {
  const error = fieldError(o.problem, o.name)
  const described = [o.hint ? `${o.name}-hint` : '', error ? `${o.name}-error` : ''].filter(Boolean).join(' ')
  const top = html`<label for="${o.name}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ''}
${error ? html`<p class="error-message" id="${o.name}-error"><span class="visually-hidden">Erreur : </span>${error.message}</p>` : ''}`
  return { error, described, top }
}

/** A labelled input with its hint and its error (both tied to it by aria-describedby). */
export function field(o: FieldOptions): Html {
  const { error, described, top } = labelled(o)
  return html`<div class="field${error ? ' field-error' : ''}">
${top}
<input id="${o.name}" name="${o.name}" type="${o.type ?? 'text'}"${o.value ? html` value="${o.value}"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.required ? html` required` : ''}${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.minlength ? html` minlength="${o.minlength}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}${o.short ? html` class="input-short"` : ''}>
</div>`
}

export interface RadioOptions {
  name: string
  legend: string
  options: Array<{ value: string; label: string; hint?: string }>
  value?: string | null
  problem?: PageProblem
}

export function radios(o: RadioOptions): Html {
  const error = fieldError(o.problem, o.name)
  return html`<fieldset class="field${error ? ' field-error' : ''}"${error ? html` aria-describedby="${o.name}-error"` : ''}>
<legend>${o.legend}</legend>
${error ? html`<p class="error-message" id="${o.name}-error"><span class="visually-hidden">Erreur : </span>${error.message}</p>` : ''}
${o.options.map(
  (
    opt,
    i,
  ) => html`<div class="radio"><input type="radio" id="${i === 0 ? o.name : `${o.name}-${opt.value}`}" name="${o.name}" value="${opt.value}"${o.value === opt.value ? html` checked` : ''}>
<label for="${i === 0 ? o.name : `${o.name}-${opt.value}`}">${opt.label}${opt.hint ? html` <span class="hint">${opt.hint}</span>` : ''}</label></div>`,
)}
</fieldset>`
}

/** A POST form with its CSRF token. */
export function postForm(
  ctx: PageContext,
  action: string,
  body: Content,
  submit: string,
  extra: Content = '',
): Html {
  return html`<form method="post" action="${action}" novalidate>
${csrfField(ctx)}
${body}
<div class="actions"><button type="submit" class="button">${submit}</button>${extra}</div>
</form>`
}

/**
 * A person's text rendered from Markdown by the API (descriptions, resources, posts, comments),
 * checked again against the platform's one Markdown policy before it reaches the page.
 */
export const prose = (rendered: string) => html`<div class="prose">${raw(sanitizeHtml(rendered))}</div>`

export const notice = (text: Content, kind: 'success' | 'info' | 'warning' = 'info') =>
  html`<div class="notice notice-${kind}" role="${kind === 'warning' ? 'alert' : 'status'}">${text}</div>`

// Formatters are built once: building an Intl formatter costs more than rendering a page's text.
const NUMBER = new Intl.NumberFormat('fr-FR')
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })
const TIME = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
})

/** A number as French writes it (« 1 234 », « 4,5 »). */
export const frenchNumber = (n: number) => NUMBER.format(n)

/** « 1 réponse », « 12 réponses ». */
export const plural = (n: number, one: string, many: string) => `${NUMBER.format(n)} ${n === 1 ? one : many}`

/** « 14 h 05 » (Paris time). */
export const frenchTime = (iso: string) => TIME.format(new Date(iso)).replace(':', ' h ')

/** Formats a date for people (« 3 décembre 2026 à 14 h 05 », Paris time). */
export function frenchDate(iso: string, withTime = true): string {
  // « 1er décembre », as French writes the first day of a month.
  const date = LONG_DATE.format(new Date(iso)).replace(/^1 /, '1er ')
  if (!withTime) return date
  return `${date} à ${frenchTime(iso)}`
}

export interface TextAreaOptions {
  name: string
  label: string
  value?: string | null
  hint?: string
  problem?: PageProblem
  rows?: number
  maxlength?: number
  required?: boolean
}

/** A labelled multi-line text field with its hint and its error (tied by aria-describedby). */
export function textArea(o: TextAreaOptions): Html {
  const { error, described, top } = labelled(o)
  return html`<div class="field${error ? ' field-error' : ''}">
${top}
<textarea id="${o.name}" name="${o.name}" rows="${o.rows ?? 6}"${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${o.required ? html` required` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}>${o.value ?? ''}</textarea>
</div>`
}

export interface SelectOptions {
  name: string
  label: string
  options: Array<{ value: string; label: string }>
  value?: string | null
  hint?: string
  problem?: PageProblem
}

/** A labelled drop-down list. */
export function select(o: SelectOptions): Html {
  const { error, described, top } = labelled(o)
  return html`<div class="field${error ? ' field-error' : ''}">
${top}
<select id="${o.name}" name="${o.name}"${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}>
${o.options.map((opt) => html`<option value="${opt.value}"${o.value === opt.value ? html` selected` : ''}>${opt.label}</option>`)}
</select>
</div>`
}

/** One checkbox with its label (and hint). */
export function checkbox(o: {
  name: string
  label: string
  checked?: boolean
  hint?: string
  value?: string
}): Html {
  return html`<div class="checkbox"><input type="checkbox" id="${o.name}" name="${o.name}" value="${o.value ?? 'oui'}"${o.checked ? html` checked` : ''}${o.hint ? html` aria-describedby="${o.name}-hint"` : ''}>
<label for="${o.name}">${o.label}</label>${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ''}</div>`
}
