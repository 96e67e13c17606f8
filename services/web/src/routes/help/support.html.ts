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
import { paragraphs } from '../notifications/inbox.html.js'

export const HELP_PLAN = '/aide/plan'

export interface SupportRequestRow {
  id: string
  topic: string
  status: 'new' | 'assigned' | 'in-progress' | 'closed'
  statusLabel: string
  organisationName: string | null
  createdAt: string
  lastActivityAt: string
}

export interface SupportRequestFull extends SupportRequestRow {
  message: string
  createdBy: string | null
  matchedVia: 'assigned' | 'departement' | 'coordinator' | 'none'
}

export interface Message {
  id: string
  authorId: string | null
  body: string
  createdAt: string
  fromAdvisor: boolean
}

export interface HelpForm {
  organisationId?: string
  topic?: string
  message?: string
}

const statusTag = (r: { status: string; statusLabel: string }) =>
  html`<span class="tag tag-${r.status}">${r.statusLabel}</span>`

/** « Aide »: ask an advisor, my requests, the way to the action plan. */
export function helpPage(
  ctx: PageContext,
  input: { requests: SupportRequestRow[]; form?: HelpForm; problem?: PageProblem },
): View {
  const orgs = ctx.orgs
  return {
    title: 'Aide',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Demander de l’aide à un conseiller</h1>
<p class="lead">Les conseillers de ${ctx.operatorName} accompagnent les communes, gratuitement : choisir un outil, protéger les données, former les élus et les agents… Posez votre question, un conseiller vous répond ici et par e-mail.</p>
${errorSummary(input.problem)}
${
  orgs.length
    ? postForm(
        ctx,
        '/aide/demandes',
        html`${
          orgs.length > 1
            ? select({
                name: 'organisationId',
                label: 'Pour quelle commune ?',
                options: orgs.map((o) => ({ value: o.id, label: o.name })),
                value: input.form?.organisationId,
              })
            : html`<input type="hidden" name="organisationId" value="${orgs[0]!.id}"><p>Pour <strong>${orgs[0]!.name}</strong>.</p>`
        }
${field({ name: 'topic', label: 'Le sujet, en quelques mots', hint: 'Par exemple : « Changer de messagerie pour la mairie ».', value: input.form?.topic, problem: input.problem, required: true })}
${textArea({ name: 'message', label: 'Votre question', hint: 'Décrivez votre situation : ce que vous utilisez aujourd’hui, ce qui coince, ce que vous aimeriez.', value: input.form?.message, problem: input.problem, maxlength: 5000, rows: 8 })}`,
        'Envoyer ma demande',
      )
    : html`<p>Pour demander de l’aide, indiquez d’abord votre commune.</p><p><a class="button" href="${PAGES.commune}">Indiquer ma commune</a></p>`
}
<h2>Mes demandes</h2>
${
  input.requests.length
    ? html`<ul class="result-list">${input.requests.map(
        (r) => html`<li><a href="${PAGES.supportRequest(r.id)}">${r.topic}</a> ${statusTag(r)}
<p class="hint">${r.organisationName ?? ''} · demandé le ${frenchDate(r.createdAt, false)} · dernière nouvelle le ${frenchDate(r.lastActivityAt)}</p></li>`,
      )}</ul>`
    : html`<p>Vous n’avez pas encore fait de demande.</p>`
}
<h2>Notre plan d’actions</h2>
<p>Avec votre conseiller, suivez les actions prévues pour votre commune : ce qui est fait, ce qui reste à faire.</p>
<p><a href="${HELP_PLAN}">Voir le plan d’actions</a></p>`,
  }
}

/** Who wrote a message, in plain words. */
export function authorOf(m: { authorId: string | null; fromAdvisor: boolean }, me: string): string {
  if (m.authorId && m.authorId === me) return 'Vous'
  return m.fromAdvisor ? 'Votre conseiller' : 'Votre commune'
}

/** A conversation: each message with who wrote it and when. */
export function conversation(messages: Array<Message & { authorId: string | null }>, me: string) {
  return html`<ol class="messages">${messages.map(
    (m) => html`<li class="message${m.fromAdvisor ? ' from-advisor' : ''}">
<p class="message-meta"><strong>${authorOf(m, me)}</strong>, le ${frenchDate(m.createdAt)}</p>
${paragraphs(m.body)}
</li>`,
  )}</ol>`
}

export function supportRequestPage(
  ctx: PageContext,
  input: {
    request: SupportRequestFull
    messages: Message[]
    me: string
    reply?: string
    problem?: PageProblem
  },
): View {
  const r = input.request
  const closed = r.status === 'closed'
  const first: Message = {
    id: r.id,
    authorId: r.createdBy,
    body: r.message,
    createdAt: r.createdAt,
    fromAdvisor: false,
  }
  return {
    title: `Demande : ${r.topic}`,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p><a href="${PAGES.help}">Retour à l’aide</a></p>
<h1>${r.topic}</h1>
<p>${statusTag(r)} ${r.organisationName ?? ''} · demandé le ${frenchDate(r.createdAt)}</p>
${
  r.status === 'new'
    ? html`<p>${r.matchedVia === 'none' ? 'Votre demande attend qu’un conseiller de votre syndicat la prenne en charge.' : 'Votre demande a été transmise à un conseiller de votre syndicat. Il vous répondra ici, et vous recevrez un e-mail.'}</p>`
    : ''
}
${errorSummary(input.problem)}
<h2>Les échanges</h2>
${conversation([first, ...input.messages], input.me)}
${
  closed
    ? html`<p>Cette demande est close. Pour une nouvelle question, <a href="${PAGES.help}">faites une nouvelle demande</a>.</p>`
    : html`${postForm(
        ctx,
        `${PAGES.supportRequest(r.id)}/messages`,
        textArea({
          name: 'body',
          label: 'Votre message',
          value: input.reply,
          problem: input.problem,
          maxlength: 5000,
        }),
        'Envoyer',
      )}
<h2>Votre question est réglée ?</h2>
${postForm(ctx, `${PAGES.supportRequest(r.id)}/cloturer`, '', 'Clore la demande')}`
}`,
  }
}
