import { errorSummary, type PageContext, type View } from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import type { Comparison } from './types.js'

/** 2 to 4 tools side by side: one column per tool, one row per criterion, grouped; a list per tool at 360 px. */
export function comparePage(
  _ctx: PageContext,
  input: { comparison?: Comparison; problem?: PageProblem },
): View {
  const { comparison } = input
  if (!comparison)
    return {
      title: 'Comparer des outils',
      problem: input.problem,
      status: 400,
      main: html`<h1>Comparer des outils</h1>
${errorSummary(input.problem)}
<p><a href="/catalogue">Retour au catalogue</a> : cochez de 2 à 4 outils, puis « Comparer les outils cochés ».</p>`,
    }
  const { tools, rows } = comparison
  const names = tools.map((t) => t.name)
  const groups = [...new Set(rows.map((r) => r.group))]
  const nameOf = (slug: string) => tools.find((t) => t.slug === slug)?.name ?? slug
  return {
    title: `Comparer ${names.join(', ')}`,
    main: html`<nav aria-label="Fil d’Ariane" class="breadcrumb"><a href="/catalogue">Catalogue</a> › <span aria-current="page">Comparer</span></nav>
<h1>Comparer ${names.slice(0, -1).join(', ')} et ${names.at(-1)}</h1>
<table class="compare">
<caption>Les critères de ${names.join(', ')}, côte à côte</caption>
<thead><tr><th scope="col">Critère</th>${tools.map((t) => html`<th scope="col"><a href="/catalogue/${t.slug}">${t.name}</a></th>`)}</tr></thead>
${groups.map(
  (g) => html`<tbody>
<tr class="compare-group"><th scope="colgroup" colspan="${tools.length + 1}">${g}</th></tr>
${rows
  .filter((r) => r.group === g)
  .map(
    (r) =>
      html`<tr><th scope="row">${r.label}</th>${r.values.map((v) => html`<td data-label="${nameOf(v.slug)}">${v.display}</td>`)}</tr>`,
  )}
</tbody>`,
)}
</table>
<p><a href="/catalogue">Retour au catalogue</a></p>`,
  }
}
