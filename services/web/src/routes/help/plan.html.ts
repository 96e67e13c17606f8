import { PAGES } from '@osinum/contracts'
import {
  errorSummary,
  field,
  frenchDate,
  type PageContext,
  postForm,
  select,
  textArea,
  type View,
} from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import { conversation, HELP_PLAN, type Message } from './support.html.js'

export const ITEM_STATUSES = [
  { value: 'proposed', label: 'Proposé' },
  { value: 'in-progress', label: 'En cours' },
  { value: 'blocked', label: 'Bloqué' },
  { value: 'done', label: 'Terminé' },
  { value: 'already-done', label: 'Déjà fait' },
  { value: 'not-interested', label: 'Pas intéressé' },
] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]['value']

export interface ActionItem {
  id: string
  organisationId: string
  title: string
  status: ItemStatus
  statusLabel: string
  dueDate: string | null
  overdue: boolean
  owner: string | null
  commentCount: number
  toolSlug: string | null
  resourceSlug: string | null
  source: 'diagnostic' | 'manual'
  createdAt: string
}

export interface Plan {
  organisationId: string
  items: ActionItem[]
  total: number
  progress: { done: number; total: number; percent: number }
}

const itemTag = (i: { status: string; statusLabel: string }) =>
  html`<span class="tag tag-${i.status}">${i.statusLabel}</span>`

const due = (i: ActionItem) =>
  i.dueDate
    ? html` · à faire avant le ${frenchDate(`${i.dueDate}T12:00:00Z`, false)}${i.overdue ? html` <strong class="overdue">(en retard)</strong>` : ''}`
    : ''

export function planPage(
  ctx: PageContext,
  input: {
    plan: Plan | null
    organisation?: { id: string; name: string }
    title?: string
    problem?: PageProblem
  },
): View {
  const { plan, organisation } = input
  return {
    title: 'Plan d’actions',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p><a href="${PAGES.help}">Retour à l’aide</a></p>
<h1>Plan d’actions${organisation ? html` de ${organisation.name}` : ''}</h1>
${
  ctx.orgs.length > 1
    ? html`<p>Autres communes : ${ctx.orgs
        .filter((o) => o.id !== organisation?.id)
        .map((o) => html`<a href="${HELP_PLAN}?commune=${o.id}">${o.name}</a> `)}</p>`
    : ''
}
${
  !plan || !organisation
    ? html`<p>Pour avoir un plan d’actions, indiquez d’abord votre commune.</p><p><a class="button" href="${PAGES.commune}">Indiquer ma commune</a></p>`
    : html`<p class="lead">Les actions que votre commune a prévues, avec votre conseiller. Chacun peut changer leur état et les commenter.</p>
${
  plan.total
    ? html`<p><strong>${plan.progress.done} action${plan.progress.done > 1 ? 's' : ''} faite${plan.progress.done > 1 ? 's' : ''} sur ${plan.progress.total}</strong> (${plan.progress.percent} %)</p>
<progress class="progress" max="100" value="${plan.progress.percent}" aria-label="Avancement du plan">${plan.progress.percent} %</progress>
<ul class="result-list">${plan.items.map(
        (i) => html`<li><a href="${PAGES.actionItem(i.id)}">${i.title}</a> ${itemTag(i)}
<p class="hint">${i.owner ? html`Qui s’en occupe : ${i.owner}` : 'Personne n’est désigné'}${due(i)}${i.commentCount ? ` · ${i.commentCount} commentaire${i.commentCount > 1 ? 's' : ''}` : ''}</p></li>`,
      )}</ul>`
    : html`<p>Le plan est vide pour l’instant. Après votre diagnostic, votre conseiller peut y ajouter les actions recommandées ; vous pouvez aussi en écrire une vous-même.</p>`
}
<h2>Ajouter une action</h2>
${errorSummary(input.problem)}
${postForm(
  ctx,
  `${HELP_PLAN}/actions`,
  html`<input type="hidden" name="organisationId" value="${organisation.id}">
${field({ name: 'title', label: 'L’action', hint: 'Par exemple : « Sauvegarder les fichiers de la mairie chaque semaine ».', value: input.title, problem: input.problem, required: true })}`,
  'Ajouter au plan',
)}`
}`,
  }
}

export function actionItemPage(
  ctx: PageContext,
  input: { item: ActionItem; comments: Message[]; me: string; comment?: string; problem?: PageProblem },
): View {
  const i = input.item
  const base = PAGES.actionItem(i.id)
  return {
    title: `Action : ${i.title}`,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p><a href="${HELP_PLAN}?commune=${i.organisationId}">Retour au plan d’actions</a></p>
<h1>${i.title}</h1>
<dl class="summary-list">
<div><dt>État</dt><dd>${itemTag(i)}</dd></div>
<div><dt>Qui s’en occupe</dt><dd>${i.owner ?? 'Personne n’est désigné'}</dd></div>
<div><dt>À faire avant le</dt><dd>${i.dueDate ? html`${frenchDate(`${i.dueDate}T12:00:00Z`, false)}${i.overdue ? html` <strong class="overdue">(en retard)</strong>` : ''}` : 'Pas de date'}</dd></div>
<div><dt>Origine</dt><dd>${i.source === 'diagnostic' ? 'Recommandée par le diagnostic' : 'Ajoutée à la main'}</dd></div>
${i.toolSlug ? html`<div><dt>Outil</dt><dd><a href="${PAGES.tool(i.toolSlug)}">Voir l’outil</a></dd></div>` : ''}
${i.resourceSlug ? html`<div><dt>Pour s’informer</dt><dd><a href="${PAGES.resource(i.resourceSlug)}">Lire la ressource</a></dd></div>` : ''}
</dl>
${errorSummary(input.problem)}
<h2>Changer l’état</h2>
${postForm(
  ctx,
  `${base}/etat`,
  html`${select({ name: 'status', label: 'Où en est cette action ?', options: [...ITEM_STATUSES], value: i.status })}
${field({ name: 'owner', label: 'Qui s’en occupe (facultatif)', value: i.owner, hint: 'Par exemple : « Le secrétariat » ou un prénom.' })}`,
  'Enregistrer',
)}
<h2>Commentaires</h2>
${input.comments.length ? conversation(input.comments, input.me) : html`<p>Pas encore de commentaire.</p>`}
${postForm(
  ctx,
  `${base}/commentaires`,
  textArea({
    name: 'body',
    label: 'Votre commentaire',
    hint: 'Votre conseiller le verra.',
    value: input.comment,
    problem: input.problem,
    maxlength: 5000,
    rows: 4,
  }),
  'Commenter',
)}`,
  }
}
