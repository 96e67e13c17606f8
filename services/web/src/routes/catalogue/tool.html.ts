import { POPULATION_BRACKETS } from '@osinum/contracts'
import {
  checkbox,
  errorSummary,
  frenchDate,
  frenchNumber,
  type PageContext,
  plural,
  postForm,
  prose,
  radios,
  textArea,
  type View,
} from '../../components.js'
import { type Html, html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import type { MyUsages, Tool, ToolReviews, ToolUsage } from './types.js'

export const USAGE_STATUSES = [
  { value: 'uses', label: 'Nous l’utilisons' },
  { value: 'evaluating', label: 'Nous l’essayons' },
  { value: 'abandoned', label: 'Nous l’avons abandonné' },
]
const USAGE_SAID: Record<string, string> = {
  uses: 'l’utilise',
  evaluating: 'l’essaie',
  abandoned: 'l’a abandonné',
}

export interface ToolPageInput {
  tool: Tool
  usage: ToolUsage
  reviews: ToolReviews
  /** Declarations of the person's collectivités for this tool. */
  mine: MyUsages
  /** Which form was refused, with what was typed. */
  refused?: { form: 'utilisation' | 'avis' | 'contact'; problem: PageProblem; values: Record<string, string> }
}

const stars = (n: number) =>
  html`<span aria-hidden="true">${'★'.repeat(n)}${'☆'.repeat(5 - n)}</span><span class="visually-hidden">${n} sur 5</span>`

function criteria(tool: Tool): Html {
  const groups = [...new Set(tool.criteria.map((c) => c.group))].filter((g) => g !== 'Usage')
  const { documented, total, missing } = tool.completeness
  return html`<h2 id="criteres">Ses caractéristiques</h2>
${
  missing.length
    ? html`<p class="muted">Fiche renseignée sur ${documented} points sur ${total}. Pas encore renseigné : ${missing
        .map((m) => m.label.charAt(0).toLowerCase() + m.label.slice(1))
        .join(', ')}.</p>`
    : ''
}
${groups.map(
  (g) => html`<h3>${g}</h3>
<dl class="summary-list">${tool.criteria
    .filter((c) => c.group === g)
    .map((c) => html`<div><dt>${c.label}</dt><dd>${c.display}</dd></div>`)}</dl>`,
)}`
}

function operatorOffer(tool: Tool): Html | string {
  const offer = tool.operatorOffer
  if (!offer) return ''
  return html`<section class="offer" aria-labelledby="offre-syndicat">
<h2 id="offre-syndicat">Proposé par votre syndicat</h2>
<p><strong>${offer.operatorName ?? 'Votre syndicat'}</strong> met ${tool.name} à disposition des communes qui y adhèrent.</p>
${offer.description ? html`<p>${offer.description}</p>` : ''}
${offer.priceIndication ? html`<p><strong>Prix :</strong> ${offer.priceIndication}</p>` : ''}
${offer.url?.startsWith('https://') ? html`<p><a href="${offer.url}">Voir l’offre de votre syndicat</a></p>` : ''}
</section>`
}

function whoUses(input: ToolPageInput, ctx: PageContext): Html {
  const { usage, tool } = input
  const refused = input.refused?.form === 'contact' ? input.refused : undefined
  const canContact = ctx.orgs.some((o) => o.verified)
  const contactable = usage.contactable.filter((c) => !ctx.orgs.some((o) => o.id === c.organisationId))
  return html`<h2 id="utilisateurs">Qui l’utilise</h2>
${
  usage.total
    ? html`<p>${plural(usage.total, 'collectivité a', 'collectivités ont')} déclaré ${tool.name} sur osinum : ${usage.byStatus
        .filter((b) => b.count > 0)
        .map((b) => `${b.count} ${USAGE_SAID[b.value] ?? b.label.toLowerCase()}`)
        .join(', ')}.</p>
<div class="two-columns">
<div><h3>Par taille de commune</h3><ul>${usage.byPopulationBracket
        .filter((b) => b.count > 0)
        .map(
          (b) =>
            html`<li>${POPULATION_BRACKETS[b.value as keyof typeof POPULATION_BRACKETS] ?? b.label} : <strong>${b.count}</strong></li>`,
        )}</ul></div>
<div><h3>Par région</h3><ul>${usage.byRegion
        .filter((r) => r.count > 0)
        .map((r) => html`<li>${areaLabel('Région', r)} : <strong>${r.count}</strong></li>`)}</ul></div>
<div><h3>Par département</h3><ul>${usage.byDepartement
        .filter((d) => d.count > 0)
        .map((d) => html`<li>${areaLabel('Département', d)} : <strong>${d.count}</strong></li>`)}</ul></div>
</div>`
    : html`<p>Aucune collectivité n’a encore déclaré l’utiliser. Si c’est votre cas, dites-le ci-dessous : cela aidera les autres communes.</p>`
}
${
  contactable.length
    ? html`<h3 id="contacter">Contacter une commune qui l’utilise</h3>
<p>Ces collectivités acceptent de répondre aux questions sur ${tool.name}. Votre message leur est transmis par osinum : votre adresse e-mail ne leur est donnée que si elles vous répondent.</p>
<ul class="plain-list">${contactable.map((c) => html`<li><strong>${c.name}</strong>${c.departement ? ` (${c.departement})` : ''} — ${USAGE_SAID[c.status] ?? ''}${c.comment ? html` : « ${c.comment} »` : ''}</li>`)}</ul>
${
  canContact
    ? html`${refused ? errorSummary(refused.problem) : ''}${postForm(
        ctx,
        `/catalogue/${tool.slug}`,
        html`<input type="hidden" name="action" value="contact">
${radios({ name: 'toOrganisationId', legend: 'Quelle collectivité voulez-vous contacter ?', options: contactable.map((c) => ({ value: c.organisationId, label: c.name })), value: refused?.values.toOrganisationId ?? (contactable.length === 1 ? contactable[0]!.organisationId : undefined), problem: refused?.problem })}
${orgChoice(ctx, 'fromOrganisationId', 'Au nom de quelle commune écrivez-vous ?', refused, true)}
${textArea({ name: 'message', label: 'Votre message', hint: 'Présentez-vous (commune, fonction) et dites ce que vous voulez savoir.', value: refused?.values.message, problem: refused?.problem, maxlength: 2000 })}`,
        'Envoyer le message',
      )}`
    : ctx.signedIn
      ? html`<p>Vous pourrez leur écrire quand votre syndicat aura confirmé votre inscription pour votre commune.</p>`
      : html`<p><a href="/connexion?retour=/catalogue/${tool.slug}">Connectez-vous</a> pour leur écrire.</p>`
}`
    : ''
}`
}

/** The person's collectivités as a choice (a hidden field when there is only one). */
function orgChoice(
  ctx: PageContext,
  name: string,
  legend: string,
  refused: ToolPageInput['refused'],
  verifiedOnly = false,
): Html {
  const orgs = ctx.orgs.filter((o) => !verifiedOnly || o.verified)
  if (orgs.length === 1) return html`<input type="hidden" name="${name}" value="${orgs[0]!.id}">`
  return radios({
    name,
    legend,
    options: orgs.map((o) => ({ value: o.id, label: o.name })),
    value: refused?.values[name],
    problem: refused?.problem,
  })
}

function declaration(input: ToolPageInput, ctx: PageContext): Html {
  const { tool, mine } = input
  const refused = input.refused?.form === 'utilisation' ? input.refused : undefined
  if (!ctx.signedIn)
    return html`<h2 id="declarer">Votre commune l’utilise ?</h2>
<p><a href="/connexion?retour=/catalogue/${tool.slug}">Connectez-vous</a> pour déclarer que votre commune l’utilise : les autres communes sauront à qui demander conseil.</p>`
  if (!ctx.orgs.length)
    return html`<h2 id="declarer">Votre commune l’utilise ?</h2>
<p>Pour le déclarer, <a href="/commune">indiquez d’abord votre commune</a>.</p>`
  const current = mine[0]
  return html`<h2 id="declarer">Votre commune l’utilise ?</h2>
${mine.map((m) => html`<p class="notice notice-success">${ctx.orgs.find((o) => o.id === m.organisationId)?.name ?? 'Votre commune'} ${USAGE_SAID[m.status]} : c’est enregistré${m.contactConsent ? ', et d’autres communes peuvent vous contacter à son sujet' : ''}.</p>`)}
${refused ? errorSummary(refused.problem) : ''}
${postForm(
  ctx,
  `/catalogue/${tool.slug}`,
  html`<input type="hidden" name="action" value="utilisation">
${orgChoice(ctx, 'organisationId', 'Pour quelle commune ?', refused)}
${radios({ name: 'status', legend: `Où en est votre commune avec ${tool.name} ?`, options: USAGE_STATUSES, value: refused?.values.status ?? current?.status ?? 'uses', problem: refused?.problem })}
${checkbox({ name: 'contactConsent', label: 'D’autres communes peuvent nous contacter à ce sujet', hint: 'Leur message vous est transmis par osinum, votre adresse n’est pas affichée.', checked: current ? current.contactConsent : true })}
${textArea({ name: 'comment', label: 'Un conseil, une remarque (facultatif)', value: refused?.values.comment ?? current?.comment, problem: refused?.problem, rows: 3, maxlength: 500 })}`,
  current ? 'Mettre à jour' : 'Déclarer',
)}`
}

function reviews(input: ToolPageInput, ctx: PageContext): Html {
  const { tool, reviews: list, mine } = input
  const refused = input.refused?.form === 'avis' ? input.refused : undefined
  // Any declaration (using, trying, abandoned) lets the commune say what it thinks.
  const declared = mine
  return html`<h2 id="avis">Avis des communes</h2>
${
  list.total
    ? html`<p>Note moyenne : <strong>${tool.rating.average == null ? '' : frenchNumber(tool.rating.average)} sur 5</strong> (${plural(tool.rating.count, 'avis', 'avis')}).</p>
<ul class="plain-list reviews">${list.items.map(
        (r) =>
          html`<li class="review"><p>${stars(r.rating)} <strong>${r.organisationName ?? 'Une collectivité'}</strong>${r.departement ? ` (${r.departement})` : ''}<span class="muted"> — ${frenchDate(r.createdAt, false)}</span></p><p>${r.text}</p></li>`,
      )}</ul>`
    : html`<p>Pas encore d’avis.</p>`
}
${
  declared.length
    ? html`<h3>Donner votre avis</h3>
<p class="hint">Votre avis est publié après relecture par l’équipe du catalogue.</p>
${refused ? errorSummary(refused.problem) : ''}
${postForm(
  ctx,
  `/catalogue/${tool.slug}`,
  html`<input type="hidden" name="action" value="avis">
${
  declared.length === 1
    ? html`<input type="hidden" name="organisationId" value="${declared[0]!.organisationId}">`
    : radios({
        name: 'organisationId',
        legend: 'Au nom de quelle commune ?',
        options: declared.map((m) => ({
          value: m.organisationId,
          label: ctx.orgs.find((o) => o.id === m.organisationId)?.name ?? m.organisationId,
        })),
        value: refused?.values.organisationId,
        problem: refused?.problem,
      })
}
${radios({ name: 'rating', legend: 'Votre note', options: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} sur 5` })), value: refused?.values.rating, problem: refused?.problem })}
${textArea({ name: 'text', label: 'Votre avis', hint: 'Ce qui marche bien, ce qui est difficile, pour quelle taille de commune.', value: refused?.values.text, problem: refused?.problem, maxlength: 2000 })}`,
  'Envoyer mon avis',
)}`
    : ctx.signedIn
      ? html`<p>Pour donner votre avis, déclarez d’abord que votre commune l’utilise.</p>`
      : ''
}`
}

function providers(tool: Tool): Html | string {
  if (!tool.providerOffers.length) return ''
  return html`<h2 id="prestataires">Qui peut l’installer ou le fournir</h2>
<ul class="plain-list">${tool.providerOffers.map(
    (o) =>
      html`<li><strong>${o.provider.name}</strong>${o.regions.length ? ` (${o.regions.join(', ')})` : ''}${o.description ? html` — ${o.description}` : ''}${o.priceIndication ? html`<br><span class="muted">Prix : ${o.priceIndication}</span>` : ''}</li>`,
  )}</ul>`
}

const links = (title: string, list: Tool['similar']) =>
  list.length
    ? html`<h3>${title}</h3><ul class="plain-list">${list.map((t) => html`<li><a href="/catalogue/${t.slug}">${t.name}</a> — ${t.summary}</li>`)}</ul>`
    : ''

export function toolPage(ctx: PageContext, input: ToolPageInput): View {
  const { tool } = input
  const website = tool.website?.startsWith('https://') ? tool.website : null
  return {
    title: `${tool.name} — Catalogue`,
    problem: input.refused?.problem,
    status: input.refused ? 400 : 200,
    main: html`<nav aria-label="Fil d’Ariane" class="breadcrumb"><a href="/catalogue">Catalogue</a> › <span aria-current="page">${tool.name}</span></nav>
<h1>${tool.name}</h1>
<p class="lead">${tool.summary}</p>
<p class="tool-facts">${tool.isFree ? html`<span class="tag">Logiciel libre</span> ` : ''}${tool.offeredByMyOperator ? html`<span class="tag tag-operator">Proposé par votre syndicat</span> ` : ''}${website ? html`<a href="${website}">Site de ${tool.name}</a>` : ''}</p>
${operatorOffer(tool)}
${prose(tool.description.html)}
${criteria(tool)}
${whoUses(input, ctx)}
${declaration(input, ctx)}
${reviews(input, ctx)}
${providers(tool)}
${tool.similar.length || tool.alternatives.length ? html`<h2>Outils proches</h2>${links('Dans les mêmes catégories', tool.similar)}${links('Alternatives', tool.alternatives)}` : ''}
${tool.similar[0] ? html`<p><a class="button button-secondary" href="/catalogue/comparer?outils=${tool.slug},${tool.similar[0].slug}">Comparer avec ${tool.similar[0].name}</a></p>` : ''}`,
  }
}

/**
 * « Creuse (23) » for a département whose name is known (people know their département's number),
 * « Nouvelle-Aquitaine » for a région (its INSEE code, 75 here, would read as Paris), « Département 23 »
 * when only the code is known.
 */
function areaLabel(kind: 'Région' | 'Département', area: { value: string; label: string }): string {
  const isCode = /^[0-9][0-9AB]?[0-9]?$/.test(area.value)
  if (!isCode) return area.label
  if (area.label === area.value) return `${kind} ${area.value}`
  return kind === 'Région' ? area.label : `${area.label} (${area.value})`
}
