import { PAGES } from '@osinum/contracts'
import { errorSummary, fieldError, type PageContext, radios, type View } from '../../../components.js'
import { html } from '../../../html.js'
import type { PageProblem } from '../../../problems.js'
import { confirmBox, staffView } from '../ui.js'

export const IMPORT_PATH = '/gestion/catalogue/import'
export const PUBLISH_PATH = '/gestion/catalogue/publier'

export interface ImportReport {
  format: string
  created: number
  updated: number
  unchanged: number
  skipped: number
  entries: Array<{ index: number; name: string; slug: string | null; action: string; reason?: string }>
  warnings: Array<{ field: string; message: string }>
}

export interface Draft {
  slug: string
  name: string
  summary: string
}

const ACTIONS: Record<string, string> = {
  created: 'Nouveau : brouillon créé',
  updated: 'Déjà au catalogue : champs vides complétés',
  unchanged: 'Déjà au catalogue : rien à changer',
  skipped: 'Ignoré',
}

function report(r: ImportReport) {
  return html`<section aria-labelledby="report-title">
<h2 id="report-title">Rapport d’import</h2>
<p>${r.created} brouillon${r.created > 1 ? 's' : ''} créé${r.created > 1 ? 's' : ''}, ${r.updated} fiche${r.updated > 1 ? 's' : ''} complétée${r.updated > 1 ? 's' : ''}, ${r.unchanged} inchangée${r.unchanged > 1 ? 's' : ''}, ${r.skipped} ignorée${r.skipped > 1 ? 's' : ''}. Rien n’est publié : les nouveaux logiciels attendent votre relecture ci-dessous.</p>
<table>
<caption>Chaque logiciel du fichier</caption>
<thead><tr><th scope="col">N°</th><th scope="col">Logiciel</th><th scope="col">Résultat</th></tr></thead>
<tbody>${r.entries.map(
    (e) =>
      html`<tr><td>${e.index + 1}</td><th scope="row">${e.slug && e.action !== 'skipped' ? html`<a href="${PAGES.tool(e.slug)}">${e.name}</a>` : e.name}</th><td>${ACTIONS[e.action] ?? e.action}${e.reason ? html` (${e.reason})` : ''}</td></tr>`,
  )}</tbody>
</table>
${r.warnings.length ? html`<h3>Avertissements</h3><ul>${r.warnings.map((w) => html`<li>${w.field} : ${w.message}</li>`)}</ul>` : ''}
</section>`
}

export function importPage(
  ctx: PageContext,
  data: { drafts: Draft[]; report?: ImportReport; problem?: PageProblem; selected?: string[] },
): View {
  const fileError = fieldError(data.problem, 'file')
  const selected = new Set(data.selected ?? [])
  return staffView(ctx, {
    title: 'Importer des logiciels',
    problem: data.problem,
    audience: html`les éditeurs du catalogue national et les administrateurs de la plateforme. Les brouillons ne sont visibles que d’eux jusqu’à leur publication.`,
    main: html`<h1>Importer des logiciels</h1>
<p class="lead">Envoyez un export du SILL (socle interministériel de logiciels libres) ou du Comptoir du Libre. Les logiciels déjà au catalogue ne sont que complétés ; les nouveaux deviennent des brouillons que vous publiez ensuite.</p>
${errorSummary(data.problem)}
<form method="post" action="${IMPORT_PATH}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="_csrf" value="${ctx.csrf}">
${radios({
  name: 'format',
  legend: 'Origine du fichier',
  value: 'auto',
  options: [
    { value: 'auto', label: 'Reconnaître automatiquement' },
    { value: 'sill', label: 'SILL (export JSON)' },
    { value: 'comptoir-du-libre', label: 'Comptoir du Libre (export JSON)' },
  ],
})}
<div class="field${fileError ? ' field-error' : ''}">
<label for="file">Fichier à importer (JSON)</label>
${fileError ? html`<p class="error-message" id="file-error"><span class="visually-hidden">Erreur : </span>${fileError.message}</p>` : ''}
<input type="file" id="file" name="file" accept=".json,application/json"${fileError ? html` aria-describedby="file-error" aria-invalid="true"` : ''}>
</div>
<div class="actions"><button type="submit" class="button">Importer et voir le rapport</button></div>
</form>
${data.report ? report(data.report) : ''}
<h2>Brouillons à publier</h2>
${
  data.drafts.length
    ? html`<form method="post" action="${PUBLISH_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${ctx.csrf}">
<fieldset class="field${fieldError(data.problem, 'slugs') ? ' field-error' : ''}">
<legend>Cochez les logiciels relus, prêts à être publiés (${data.drafts.length} brouillon${data.drafts.length > 1 ? 's' : ''})</legend>
${fieldError(data.problem, 'slugs') ? html`<p class="error-message" id="slugs-error"><span class="visually-hidden">Erreur : </span>${fieldError(data.problem, 'slugs')!.message}</p>` : ''}
${data.drafts.map(
  (d, i) =>
    html`<div class="checkbox"><input type="checkbox" id="${i === 0 ? 'slugs' : `slug-${d.slug}`}" name="slugs" value="${d.slug}"${selected.has(d.slug) ? html` checked` : ''}><label for="${i === 0 ? 'slugs' : `slug-${d.slug}`}">${d.name} <span class="hint">${d.summary}</span></label></div>`,
)}
</fieldset>
${confirmBox('confirmer', 'les logiciels cochés deviennent visibles de tous dans le catalogue (je pourrai les archiver ensuite).', data.problem)}
<div class="actions"><button type="submit" class="button">Publier la sélection</button></div>
</form>`
    : html`<p>Aucun brouillon en attente.</p>`
}`,
  })
}
