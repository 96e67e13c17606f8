import { THEMES } from '@osinum/contracts'
import { frenchDate, type PageContext, postForm, prose, radios, type View } from '../../components.js'
import { type Html, html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import type { Filters } from '../catalogue/filters.js'
import { facetGroup, searchLayout } from '../catalogue/lists.html.js'
import type { Collections, Resource, ResourceSearch } from '../catalogue/types.js'

export const RESOURCE_FACETS = [
  { name: 'theme', title: 'Thème' },
  { name: 'type', title: 'Format' },
  { name: 'audience', title: 'Pour qui' },
  { name: 'level', title: 'Niveau' },
] as const
export const RESOURCE_FILTERS = ['q', 'page', ...RESOURCE_FACETS.map((f) => f.name)] as const
export const RESOURCES_PER_PAGE = 20
const PATH = '/ressources'

const minutes = (n: number | null) =>
  n ? ` · ${n < 60 ? `${n} min` : `${Math.round(n / 6) / 10} h`.replace('.', ',')}` : ''

export function resourcesPage(
  _ctx: PageContext,
  input: { filters: Filters; result?: ResourceSearch; problem?: PageProblem },
): View {
  const { filters, result } = input
  const q = filters.first('q')
  const facetNames = RESOURCE_FACETS.map((f) => f.name)
  const facets = result?.facets
  return {
    title: q ? `Ressources : « ${q} »` : 'Ressources',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: searchLayout({
      filters,
      path: PATH,
      heading: 'Ressources',
      lead: 'Des guides, fiches pratiques, vidéos et modèles pour avancer à votre rythme : cybersécurité, données personnelles, open data, logiciels libres…',
      problem: input.problem,
      search: { label: 'Rechercher une ressource', hint: 'Par exemple : mot de passe, sauvegarde, RGPD.' },
      facetNames,
      facets: facets
        ? RESOURCE_FACETS.map((f) => facetGroup(filters, PATH, { ...f, values: facets[f.name] }))
        : '',
      total: result?.total,
      found: ['ressource trouvée', 'ressources trouvées', 'Aucune ressource trouvée'],
      results: html`<ul class="tool-list" aria-labelledby="resultats">${result?.items.map(
        (r) => html`<li class="tool">
<h3><a href="/ressources/${r.slug}">${r.title}</a></h3>
<p>${r.summary}</p>
<p class="muted">${r.typeLabel} · ${r.levelLabel}${minutes(r.durationMinutes)}${r.sourceName ? ` · ${r.sourceName}` : ''}</p>
</li>`,
      )}</ul>`,
      perPage: RESOURCES_PER_PAGE,
    }),
  }
}

/** A tool's slug as a name (the resource gives only the slug): « jitsi-meet » → « Jitsi meet ». */
const slugName = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replaceAll('-', ' ')

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`

/** The default collection of a person who keeps a first resource. */
export const FIRST_COLLECTION = 'Mes ressources'

/** Keep the resource in one of the person's collections (bookmarks), or take it out. */
function bookmarks(ctx: PageContext, slug: string, collections: Collections): Html {
  if (!ctx.signedIn)
    return html`<p><a href="/connexion?retour=/ressources/${slug}">Connectez-vous</a> pour garder cette ressource dans vos favoris.</p>`
  const holding = collections.filter((c) => c.holdsResource)
  const others = collections.filter((c) => !c.holdsResource)
  const action = `/ressources/${slug}`
  return html`<section class="bookmarks" aria-labelledby="garder">
<h2 id="garder">Garder cette ressource</h2>
${holding.map((c) =>
  postForm(
    ctx,
    action,
    html`<p>Gardée dans « ${c.name} ».</p><input type="hidden" name="action" value="retirer"><input type="hidden" name="collectionId" value="${c.id}">`,
    `Retirer de « ${c.name} »`,
  ),
)}
${
  others.length || !collections.length
    ? postForm(
        ctx,
        action,
        html`<input type="hidden" name="action" value="garder">${
          others.length === 1 || !others.length
            ? html`<input type="hidden" name="collectionId" value="${others[0]?.id ?? ''}">`
            : radios({
                name: 'collectionId',
                legend: 'Dans quelle liste ?',
                options: others.map((c) => ({ value: c.id, label: c.name })),
                value: others[0]!.id,
              })
        }`,
        others.length === 1
          ? `Garder dans « ${others[0]!.name} »`
          : others.length
            ? 'Garder'
            : `Garder dans « ${FIRST_COLLECTION} »`,
      )
    : ''
}
</section>`
}

export function resourcePage(
  ctx: PageContext,
  input: { resource: Resource; collections: Collections },
): View {
  const r = input.resource
  const source = r.sourceUrl?.startsWith('https://') ? r.sourceUrl : null
  return {
    title: `${r.title} — Ressources`,
    main: html`<nav aria-label="Fil d’Ariane" class="breadcrumb"><a href="/ressources">Ressources</a> › <span aria-current="page">${r.title}</span></nav>
<h1>${r.title}</h1>
<p class="lead">${r.summary}</p>
<p class="muted">${r.typeLabel} · ${r.levelLabel}${minutes(r.durationMinutes)}${r.publishedAt ? ` · publiée le ${frenchDate(r.publishedAt, false)}` : ''}</p>
${r.outdated ? html`<div class="notice notice-warning" role="note">Cette ressource n’a pas été relue depuis longtemps : certaines informations peuvent être dépassées.</div>` : ''}
${prose(r.bodyHtml)}
${
  r.attachments.length
    ? html`<h2>Fichiers à télécharger</h2><ul class="plain-list">${r.attachments.map((a) => html`<li><a href="${a.url}" download>${a.filename}</a> <span class="muted">(${size(a.sizeBytes)})</span></li>`)}</ul>`
    : ''
}
<h2>À propos de cette ressource</h2>
<dl class="summary-list">
${r.themes.length ? html`<div><dt>Thèmes</dt><dd>${r.themes.map((t, i) => html`${i ? ', ' : ''}<a href="/ressources?theme=${t}">${THEMES[t as keyof typeof THEMES] ?? t}</a>`)}</dd></div>` : ''}
${r.sourceName ? html`<div><dt>Source</dt><dd>${source ? html`<a href="${source}">${r.sourceName}</a>` : r.sourceName}</dd></div>` : ''}
<div><dt>Licence</dt><dd>${r.sourceLicence ?? r.licence}</dd></div>
${r.relatedTools.length ? html`<div><dt>Outils liés</dt><dd>${r.relatedTools.map((t, i) => html`${i ? ', ' : ''}<a href="/catalogue/${t}">${slugName(t)}</a>`)}</dd></div>` : ''}
</dl>
${bookmarks(ctx, r.slug, input.collections)}
<p><a href="/ressources">Toutes les ressources</a> · <a href="/formations">Les formations</a></p>`,
  }
}
