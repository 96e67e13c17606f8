import { type PageContext, postForm, type View } from '../../components.js'
import { html } from '../../html.js'

export interface Preferences {
  categories: Array<{
    category: string
    label: string
    description: string
    email: boolean
    inApp: boolean
    locked: boolean
  }>
  digest: { frequency: string }
}

const FREQUENCIES: Record<string, string> = {
  immediately: 'Tout de suite, un e-mail par nouveauté',
  daily: 'Un résumé par jour',
  weekly: 'Un résumé par semaine',
}

export function preferencesPage(ctx: PageContext, prefs: Preferences, frequencies: readonly string[]): View {
  return {
    title: 'Mes e-mails',
    main: html`<h1>Choisir les e-mails que je reçois</h1>
<p class="lead">Cochez ce que vous voulez recevoir par e-mail. Les e-mails de connexion arrivent toujours.</p>
${postForm(
  ctx,
  '/preferences',
  html`<fieldset class="field"><legend>Par e-mail</legend>
${prefs.categories.map(
  (
    c,
  ) => html`<input type="hidden" name="shown-${c.category}" value="oui"><div class="checkbox"><input type="checkbox" id="email-${c.category}" name="email-${c.category}" value="oui"${c.email ? ' checked' : ''}${c.locked ? ' disabled' : ''} aria-describedby="email-${c.category}-hint">
<label for="email-${c.category}">${c.label}</label><p class="hint" id="email-${c.category}-hint">${c.description}</p></div>`,
)}
</fieldset>
<fieldset class="field"><legend>Les nouveautés sur vos thèmes</legend>
${frequencies.map(
  (
    f,
    i,
  ) => html`<div class="radio"><input type="radio" id="${i === 0 ? 'frequency' : `frequency-${f}`}" name="frequency" value="${f}"${prefs.digest.frequency === f ? ' checked' : ''}>
<label for="${i === 0 ? 'frequency' : `frequency-${f}`}">${FREQUENCIES[f] ?? f}</label></div>`,
)}
</fieldset>`,
  'Enregistrer mes choix',
)}`,
  }
}
