import type { PageContext, View } from '../../components.js'
import { frenchNumber, plural } from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import type { Filters } from './filters.js'
import { facetGroup, searchLayout } from './lists.html.js'
import type { SearchResult, ToolSummary } from './types.js'

/** The facets of the tool search, in the order of the page, with their French headings. */
export const TOOL_FACETS = [
  { name: 'category', title: 'Catégorie' },
  { name: 'theme', title: 'Usage' },
  { name: 'freeLicence', title: 'Licence', single: true },
  { name: 'offeredByMyOperator', title: 'Votre syndicat', single: true },
  { name: 'dataLocation', title: 'Où sont les données' },
  { name: 'hostingMode', title: 'Hébergement' },
  { name: 'costModel', title: 'Coût' },
  { name: 'skillLevel', title: 'Prise en main' },
  { name: 'accessibility', title: 'Accessibilité' },
] as const
export const TOOL_FILTERS = ['q', 'page', 'attribute', ...TOOL_FACETS.map((f) => f.name)] as const
export const TOOLS_PER_PAGE = 20

const PATH = '/catalogue'

function toolItem(t: ToolSummary) {
  return html`<li class="tool">
<h3><a href="/catalogue/${t.slug}">${t.name}</a></h3>
<p>${t.summary}</p>
<p class="tool-facts">${t.isFree ? html`<span class="tag">Logiciel libre</span> ` : ''}${t.offeredByMyOperator ? html`<span class="tag tag-operator">Proposé par votre syndicat</span> ` : ''}<span class="muted">${t.usersCount ? plural(t.usersCount, 'collectivité l’utilise', 'collectivités l’utilisent') : 'Aucune collectivité ne l’a encore déclaré'}${t.rating.count ? ` · ${t.rating.average == null ? '' : frenchNumber(t.rating.average)} / 5 (${plural(t.rating.count, 'avis', 'avis')})` : ''}</span></p>
<div class="checkbox compare-box"><input type="checkbox" name="outils" value="${t.slug}" id="comparer-${t.slug}"><label for="comparer-${t.slug}">Comparer ${t.name}</label></div>
</li>`
}

export function searchPage(
  _ctx: PageContext,
  input: { filters: Filters; result?: SearchResult; problem?: PageProblem },
): View {
  const { filters, result } = input
  const q = filters.first('q')
  const facetNames = [...TOOL_FACETS.map((f) => f.name), 'attribute']
  const facets = result?.facets
  const attributeFacets = (facets?.attributes ?? []).filter((a) => a.kind === 'boolean' || a.kind === 'enum')
  return {
    title: q ? `Catalogue : « ${q} »` : 'Catalogue des outils',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: searchLayout({
      filters,
      path: PATH,
      heading: 'Catalogue des outils',
      lead: 'Des outils numériques pour les communes, décrits sans publicité : où sont les données, ce que cela coûte, s’il s’agit d’un logiciel libre, qui l’utilise déjà.',
      problem: input.problem,
      search: {
        label: 'Rechercher un outil',
        hint: 'Par exemple : visio, messagerie, site internet, sauvegarde.',
      },
      facetNames,
      facets: html`${facets ? TOOL_FACETS.map((f) => facetGroup(filters, PATH, { ...f, values: facets[f.name] })) : ''}
${attributeFacets.map((a) =>
  facetGroup(filters, PATH, {
    name: 'attribute',
    title: a.label,
    values: a.values.map((v) => ({ ...v, value: `${a.key}:${v.value}` })),
  }),
)}`,
      total: result?.total,
      found: ['outil trouvé', 'outils trouvés', 'Aucun outil trouvé'],
      results: html`<form method="get" action="/catalogue/comparer">
<p class="hint">Cochez de 2 à 4 outils pour les comparer.</p>
<ul class="tool-list" aria-labelledby="resultats">${result?.items.map(toolItem)}</ul>
<div class="actions"><button type="submit" class="button button-secondary">Comparer les outils cochés</button></div>
</form>`,
      perPage: TOOLS_PER_PAGE,
    }),
  }
}
