import { PAGES } from '@osinum/contracts'
import {
  errorSummary,
  field,
  type PageContext,
  postForm,
  select,
  textArea,
  type View,
} from '../../../components.js'
import { html } from '../../../html.js'
import type { PageProblem } from '../../../problems.js'
import { confirmBox, staffView } from '../ui.js'

export interface Offer {
  id: string
  toolSlug: string
  toolName: string
  description: string | null
  url: string | null
  priceIndication: string | null
}

export interface OfferInput {
  toolSlug?: string
  description?: string
  url?: string
  priceIndication?: string
}

const AUDIENCE = html`les administrateurs du syndicat. Les offres elles-mêmes sont <strong>publiques</strong> : elles s’affichent « proposé par votre syndicat » sur la page de l’outil pour les communes du syndicat.`

function offerFields(input: OfferInput, problem?: PageProblem) {
  return html`${textArea({
    name: 'description',
    label: 'Ce que le syndicat propose, et à quelles conditions',
    hint: 'Par exemple : hébergé en France par le syndicat, formation de prise en main incluse, réservé aux communes adhérentes.',
    value: input.description,
    problem,
    rows: 4,
  })}
${field({ name: 'priceIndication', label: 'Prix indicatif', hint: 'Par exemple : inclus dans la cotisation, ou 5 € par poste et par mois.', value: input.priceIndication, problem })}
${field({ name: 'url', label: 'Adresse de la page de l’offre (facultatif)', hint: 'Commence par https://', value: input.url, problem })}`
}

export function offersPage(
  ctx: PageContext,
  data: {
    offers: Offer[]
    tools: Array<{ slug: string; name: string }>
    operatorName: string
    input?: OfferInput
    problem?: PageProblem
  },
): View {
  const offered = new Set(data.offers.map((o) => o.toolSlug))
  const input = data.input ?? {}
  return staffView(ctx, {
    title: 'Offres du syndicat',
    problem: data.problem,
    audience: AUDIENCE,
    main: html`<h1>Offres du syndicat</h1>
<p class="lead">Les outils que ${data.operatorName} héberge ou accompagne pour ses communes.</p>
${errorSummary(data.problem)}
${
  data.offers.length
    ? html`<table>
<caption>${data.offers.length} offre${data.offers.length > 1 ? 's' : ''} en ligne</caption>
<thead><tr><th scope="col">Outil</th><th scope="col">Conditions</th><th scope="col">Prix indicatif</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${data.offers.map(
        (
          o,
        ) => html`<tr><th scope="row"><a href="${PAGES.tool(o.toolSlug)}">${o.toolName}</a></th><td>${o.description ?? '—'}</td><td>${o.priceIndication ?? '—'}</td>
<td><a href="${PAGES.staffOffers}/${o.id}">Modifier<span class="visually-hidden"> l’offre ${o.toolName}</span></a></td></tr>`,
      )}</tbody>
</table>`
    : html`<p>Aucune offre pour l’instant.</p>`
}
<h2>Ajouter une offre</h2>
${postForm(
  ctx,
  PAGES.staffOffers,
  html`${select({
    name: 'toolSlug',
    label: 'Outil du catalogue',
    value: input.toolSlug,
    problem: data.problem,
    options: [
      { value: '', label: 'Choisissez un outil' },
      ...data.tools.filter((t) => !offered.has(t.slug)).map((t) => ({ value: t.slug, label: t.name })),
    ],
  })}
${offerFields(input, data.problem)}`,
  'Ajouter l’offre',
)}`,
  })
}

export function offerPage(
  ctx: PageContext,
  data: { offer: Offer; input?: OfferInput; problem?: PageProblem },
): View {
  const o = data.offer
  const input = data.input ?? {
    description: o.description ?? '',
    url: o.url ?? '',
    priceIndication: o.priceIndication ?? '',
  }
  return staffView(ctx, {
    title: `Offre : ${o.toolName}`,
    problem: data.problem,
    audience: AUDIENCE,
    main: html`<p><a href="${PAGES.staffOffers}">← Offres du syndicat</a></p>
<h1>Offre : ${o.toolName}</h1>
${errorSummary(data.problem)}
${postForm(ctx, `${PAGES.staffOffers}/${o.id}`, offerFields(input, data.problem), 'Enregistrer')}
<h2>Retirer l’offre</h2>
${postForm(
  ctx,
  `${PAGES.staffOffers}/${o.id}/retirer`,
  confirmBox(
    'confirmer',
    `l’offre disparaît de la page de ${o.toolName} ; l’outil reste au catalogue et vous pourrez ajouter l’offre de nouveau.`,
    data.problem,
  ),
  'Retirer l’offre',
)}`,
  })
}
