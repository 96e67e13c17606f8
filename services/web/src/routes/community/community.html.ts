import { PAGES, THEMES } from '@osinum/contracts'
import {
  errorSummary,
  field,
  frenchDate,
  type PageContext,
  postForm,
  prose,
  radios,
  select,
  textArea,
  type View,
} from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import { pager } from '../notifications/inbox.html.js'

export const SHARE = '/communaute/partager'
export const COMMUNITY_PAGE_SIZE = 10

export interface Experience {
  id: string
  title: string
  excerpt: string
  bodyHtml: string
  themes: string[]
  tools: string[]
  organisation: { id: string; name: string | null }
  authorId: string | null
  createdAt: string
  usefulCount: number
  commentCount: number
  votedByMe: boolean
}

export interface Comment {
  id: string
  authorId: string | null
  bodyHtml: string
  createdAt: string
}

export interface ShareForm {
  title?: string
  body?: string
  themes?: string[]
  tool?: string
  organisationId?: string
}

/** A catalogue tool one can name in a post. */
export interface ToolChoice {
  slug: string
  name: string
}

/** « jitsi-meet » → « Jitsi meet »: a tool's slug as a word (posts carry slugs only). */
export const toolName = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ')

/** Why one reports a post or a comment (the resources service's reasons). */
export const REPORT_REASONS = [
  { value: 'wrong', label: 'Information erronée' },
  { value: 'outdated', label: 'Contenu obsolète' },
  { value: 'abuse', label: 'Contenu abusif ou irrespectueux' },
  { value: 'spam', label: 'Spam ou publicité' },
  { value: 'other', label: 'Autre raison' },
]

const themeLabel = (id: string) => THEMES[id as keyof typeof THEMES] ?? id
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`

const byline = (e: Experience) =>
  html`${e.organisation.name ?? 'Une commune'} · ${frenchDate(e.createdAt, false)}`

export function communityPage(
  _ctx: PageContext,
  input: { items: Experience[]; total: number; page: number; q: string; sort: string },
): View {
  const query = `${PAGES.community}?q=${encodeURIComponent(input.q)}&tri=${input.sort}`
  return {
    title: input.q ? `Communauté : « ${input.q} »` : 'Communauté',
    main: html`<h1>Retours d’expérience des communes</h1>
<p class="lead">Ce que d’autres communes ont essayé, ce qui a marché, ce qu’elles conseillent. Lisez, commentez, et partagez votre propre expérience.</p>
<p><a class="button" href="${SHARE}">Partager une expérience</a></p>
<form method="get" action="${PAGES.community}" role="search">
${field({ name: 'q', label: 'Rechercher', type: 'search', value: input.q, hint: 'Un outil, un sujet : « messagerie », « sauvegarde »…' })}
${select({
  name: 'tri',
  label: 'Trier par',
  options: [
    { value: 'date', label: 'Les plus récents' },
    { value: 'useful', label: 'Les plus utiles' },
  ],
  value: input.sort,
})}
<div class="actions"><button type="submit" class="button button-secondary">Rechercher</button></div>
</form>
<p>${input.total ? plural(input.total, 'retour') + ' d’expérience' : 'Aucun retour d’expérience ne correspond.'}</p>
<ul class="result-list">${input.items.map(
      (e) => html`<li><a href="${PAGES.experience(e.id)}">${e.title}</a>
<p class="hint">${byline(e)} · utile pour ${plural(e.usefulCount, 'personne')} · ${plural(e.commentCount, 'commentaire')}</p>
<p>${e.excerpt}</p></li>`,
    )}</ul>
${pager(query, input.page, input.total, COMMUNITY_PAGE_SIZE)}`,
  }
}

export function experiencePage(
  ctx: PageContext,
  input: { post: Experience; comments: Comment[]; comment?: string; problem?: PageProblem },
): View {
  const e = input.post
  const base = PAGES.experience(e.id)
  const signIn = `${PAGES.signIn}?retour=${encodeURIComponent(base)}`
  return {
    title: e.title,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p><a href="${PAGES.community}">Retour aux retours d’expérience</a></p>
<article>
<h1>${e.title}</h1>
<p class="hint">${byline(e)}${e.themes.length ? html` · ${e.themes.map(themeLabel).join(', ')}` : ''}</p>
${e.tools.length ? html`<p>Outils : ${e.tools.map((t, i) => html`${i ? ', ' : ''}<a href="${PAGES.tool(t)}">${toolName(t)}</a>`)}</p>` : ''}
${prose(e.bodyHtml)}
</article>
<p>${e.usefulCount ? `${plural(e.usefulCount, 'personne')} ${e.usefulCount > 1 ? 'ont trouvé' : 'a trouvé'} ce retour utile.` : 'Personne n’a encore dit que ce retour était utile.'}</p>
${
  ctx.signedIn
    ? html`<div class="button-group">${postForm(
        ctx,
        `${base}/utile`,
        html`<input type="hidden" name="vote" value="${e.votedByMe ? 'non' : 'oui'}">`,
        e.votedByMe ? 'Retirer mon « utile »' : 'C’est utile',
      )}</div>
<p><a href="${base}/signaler">Signaler ce retour d’expérience</a></p>`
    : html`<p><a href="${signIn}">Connectez-vous</a> pour dire que c’est utile ou pour commenter.</p>`
}
<h2>${input.comments.length ? plural(input.comments.length, 'commentaire') : 'Commentaires'}</h2>
${
  input.comments.length
    ? html`<ol class="messages">${input.comments.map(
        (c) => html`<li class="message" id="commentaire-${c.id}">
<p class="message-meta">Le ${frenchDate(c.createdAt)}</p>
${prose(c.bodyHtml)}
${ctx.signedIn ? html`<p><a href="/communaute/commentaires/${c.id}/signaler">Signaler ce commentaire</a></p>` : ''}
</li>`,
      )}</ol>`
    : html`<p>Pas encore de commentaire.</p>`
}
${errorSummary(input.problem)}
${
  ctx.signedIn
    ? postForm(
        ctx,
        `${base}/commentaires`,
        textArea({
          name: 'body',
          label: 'Votre commentaire',
          hint: 'Une question, un conseil, votre propre expérience. Restez courtois : les commentaires sont publics.',
          value: input.comment,
          problem: input.problem,
          maxlength: 10000,
          rows: 4,
        }),
        'Publier mon commentaire',
      )
    : ''
}`,
  }
}

export function sharePage(
  ctx: PageContext,
  input: { tools: ToolChoice[]; form?: ShareForm; problem?: PageProblem },
): View {
  const f = input.form ?? {}
  const orgs = ctx.orgs
  return {
    title: 'Partager une expérience',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p><a href="${PAGES.community}">Retour aux retours d’expérience</a></p>
<h1>Partager une expérience</h1>
${
  orgs.length
    ? html`<p class="lead">Racontez ce que votre commune a fait : un outil adopté, une difficulté surmontée, une erreur à éviter. Votre retour est publié au nom de votre commune.</p>
${errorSummary(input.problem)}
${postForm(
  ctx,
  SHARE,
  html`${
    orgs.length > 1
      ? select({
          name: 'organisationId',
          label: 'Au nom de quelle commune ?',
          options: orgs.map((o) => ({ value: o.id, label: o.name })),
          value: f.organisationId,
        })
      : html`<input type="hidden" name="organisationId" value="${orgs[0]!.id}"><p>Au nom de <strong>${orgs[0]!.name}</strong>.</p>`
  }
${field({ name: 'title', label: 'Titre', hint: 'Par exemple : « Nous avons quitté les clés USB pour un espace partagé ».', value: f.title, problem: input.problem, required: true })}
${textArea({ name: 'body', label: 'Votre retour d’expérience', hint: 'Ce que vous aviez avant, ce que vous avez choisi et pourquoi, ce que cela a changé, vos conseils. Pour une liste, commencez les lignes par « - ».', value: f.body, problem: input.problem, maxlength: 50000, rows: 12 })}
<fieldset class="field"><legend>Les sujets (facultatif)</legend>
<div class="checkbox-columns">${Object.entries(THEMES).map(
    ([id, label]) =>
      html`<div class="checkbox"><input type="checkbox" id="theme-${id}" name="themes" value="${id}"${f.themes?.includes(id) ? ' checked' : ''}><label for="theme-${id}">${label}</label></div>`,
  )}</div>
</fieldset>
${select({ name: 'tool', label: 'L’outil dont vous parlez (facultatif)', hint: 'Si votre retour parle surtout d’un outil du catalogue.', options: [{ value: '', label: 'Aucun en particulier' }, ...input.tools.map((t) => ({ value: t.slug, label: t.name }))], value: f.tool })}`,
  'Publier',
)}`
    : html`<p>Les retours d’expérience sont publiés au nom d’une commune. Indiquez d’abord la vôtre.</p><p><a class="button" href="${PAGES.commune}">Indiquer ma commune</a></p>`
}`,
  }
}

export function reportPage(
  ctx: PageContext,
  input: { what: 'post' | 'comment'; title: string; action: string; back: string; problem?: PageProblem },
): View {
  const heading = input.what === 'post' ? 'Signaler un retour d’expérience' : 'Signaler un commentaire'
  return {
    title: heading,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p><a href="${input.back}">Retour</a></p>
<h1>${heading}</h1>
<p class="lead">${input.what === 'post' ? html`« ${input.title} »` : 'Un commentaire de « ' + input.title + ' »'}</p>
<p>L’équipe éditoriale de ${ctx.operatorName} lira votre signalement et décidera s’il faut masquer ce contenu. La personne qui l’a écrit ne saura pas que c’est vous.</p>
${errorSummary(input.problem)}
${postForm(
  ctx,
  input.action,
  html`${radios({ name: 'reason', legend: 'Pourquoi le signalez-vous ?', options: REPORT_REASONS, problem: input.problem })}
${textArea({ name: 'message', label: 'Précisez (facultatif)', maxlength: 2000, rows: 4 })}`,
  'Envoyer le signalement',
  html`<a href="${input.back}">Annuler</a>`,
)}`,
  }
}
