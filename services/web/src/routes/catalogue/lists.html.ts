import { errorSummary, field, plural } from '../../components.js'
import { type Content, type Html, html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import type { Filters } from './filters.js'

/** One value of a facet as the APIs give it: its code, French label and the number of matches. */
export interface FacetValue {
  value: string
  label: string
  count?: number
}

const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`)

/**
 * A facet as a list of links (works without JavaScript): a link adds its value to the search, a
 * chosen value is marked and its link removes it. Values without any match are left out.
 */
export function facetGroup(
  filters: Filters,
  path: string,
  o: { name: string; title: string; values: readonly FacetValue[]; single?: boolean },
): Html | string {
  const shown = o.values.filter((v) => v.count !== 0 || filters.has(o.name, v.value))
  if (!shown.length) return ''
  return html`<div class="facet">
<h3>${o.title}</h3>
<ul>${shown.map((v) =>
    filters.has(o.name, v.value)
      ? html`<li><a href="${filters.toggle(o.name, v.value, o.single).href(path)}" aria-current="true" class="facet-on"><span aria-hidden="true">✓ </span>${v.label}${count(v.count)}<span class="visually-hidden"> : filtre choisi, retirer</span></a></li>`
      : html`<li><a href="${filters.toggle(o.name, v.value, o.single).href(path)}">${v.label}${count(v.count)}</a></li>`,
  )}</ul>
</div>`
}

/** « Page 2 sur 4 » with links to the previous and next pages. */
export function pagination(filters: Filters, path: string, total: number, perPage: number): Html | string {
  const pages = Math.ceil(total / perPage)
  const page = filters.page()
  if (pages <= 1) return ''
  return html`<nav class="pagination" aria-label="Pages de résultats">
${page > 1 ? html`<a href="${filters.href(path, page - 1)}" rel="prev">← Page précédente</a>` : ''}
<span>Page ${Math.min(page, pages)} sur ${pages}</span>
${page < pages ? html`<a href="${filters.href(path, page + 1)}" rel="next">Page suivante →</a>` : ''}
</nav>`
}

/** « 1 outil », « 12 outils ». */

export interface SearchLayout {
  filters: Filters
  path: string
  heading: string
  lead: string
  problem?: PageProblem
  search: { label: string; hint: string }
  /** The URL parameters of the facets (« Retirer tous les filtres » clears them). */
  facetNames: readonly string[]
  facets: Content
  /** Absent when the search failed. */
  total?: number
  /** « outil trouvé », « outils trouvés », « Aucun outil trouvé ». */
  found: [one: string, many: string, none: string]
  results: Content
  perPage: number
}

/**
 * A search page of the catalogue, resources or trainings: the text search (keeping the chosen
 * filters), the results and their pages, then the facets as links (on the left on a wide screen;
 * after the results on a phone, where a link at the top leads to them).
 */
export function searchLayout(o: SearchLayout): Html {
  const { filters, path } = o
  return html`<h1>${o.heading}</h1>
<p class="lead">${o.lead}</p>
${errorSummary(o.problem)}
<form method="get" action="${path}" class="search-form" role="search">
${filters.entries(['q']).map(([n, v]) => html`<input type="hidden" name="${n}" value="${v}">`)}
${field({ name: 'q', label: o.search.label, type: 'search', value: filters.first('q'), hint: o.search.hint })}
<div class="actions"><button type="submit" class="button">Rechercher</button></div>
</form>
<div class="search-layout">
<div class="results">
<p class="to-filters"><a href="#filtres-titre">Filtrer les résultats</a></p>
${
  o.total === undefined
    ? ''
    : o.total
      ? html`<h2 id="resultats">${plural(o.total, o.found[0], o.found[1])}</h2>
${o.results}
${pagination(filters, path, o.total, o.perPage)}`
      : html`<h2>${o.found[2]}</h2><p>Essayez un autre mot, ou retirez des filtres.</p>`
}
</div>
<aside class="facets" aria-labelledby="filtres-titre">
<h2 id="filtres-titre">Filtrer</h2>
${filters.any(o.facetNames) ? html`<p><a href="${filters.without(o.facetNames).href(path)}">Retirer tous les filtres</a></p>` : ''}
${o.facets}
</aside>
</div>`
}
