import type { FastifyRequest } from 'fastify'
import { notice, type PageContext, type View } from '../../components.js'
import { html } from '../../html.js'
import { diagnosticStep } from '../diagnostic/next-step.js'

/** One « next step » card of the dashboard. Pages of later issues add theirs to NEXT_STEPS. */
export interface NextStep {
  title: string
  text: string
  href: string
  action: string
  /** Shown only when this holds (default: always). */
  when?: (ctx: PageContext, me: { hasPassword: boolean }) => boolean
  /** What the card says from the API's state, fetched on the dashboard's request ({} keeps it as is, null hides it). */
  load?: (
    request: FastifyRequest,
  ) => Promise<Partial<Pick<NextStep, 'title' | 'text' | 'href' | 'action'>> | null>
}

export const NEXT_STEPS: NextStep[] = [
  {
    title: 'Indiquer votre commune',
    text: 'Pour commencer, dites-nous dans quelle commune vous travaillez.',
    href: '/commune',
    action: 'Trouver ma commune',
    when: (ctx) => ctx.orgs.length === 0,
  },
  diagnosticStep,
  {
    title: 'Inviter un collègue',
    text: 'Le maire, un adjoint, le secrétariat : à plusieurs, c’est plus simple.',
    href: '/commune/inviter',
    action: 'Inviter un collègue',
    // A commune whose syndicate has not verified who speaks for it cannot invite anyone yet.
    when: (ctx) => ctx.orgs.some((o) => o.referent && o.verified),
  },
  {
    title: 'Choisir un mot de passe',
    text: 'Facultatif : vous pouvez continuer à vous connecter avec un lien reçu par e-mail.',
    href: '/compte/mot-de-passe',
    action: 'Choisir un mot de passe',
    when: (_ctx, me) => !me.hasPassword,
  },
  {
    title: 'Demander de l’aide',
    text: 'Un conseiller de votre syndicat répond à vos questions sur le numérique de la commune.',
    href: '/aide',
    action: 'Poser une question',
    when: (ctx) => ctx.orgs.length > 0,
  },
  {
    title: 'Choisir vos e-mails',
    text: 'Recevez seulement les nouvelles qui vous intéressent.',
    href: '/preferences',
    action: 'Choisir mes e-mails',
  },
  {
    title: 'Choisir un outil',
    text: 'Visio, messagerie, sauvegarde : comparez les outils et voyez quelles communes les utilisent.',
    href: '/catalogue',
    action: 'Voir le catalogue',
  },
  {
    title: 'Se former',
    text: 'Des formations courtes, en visio ou près de chez vous.',
    href: '/formations',
    action: 'Voir les formations',
  },
]

/** Communes the person asked to join or registered, that their syndicate has not verified yet. */
function pendingNotice(ctx: PageContext) {
  const pending = ctx.orgs.filter((o) => !o.verified)
  if (!pending.length) return html``
  return notice(
    html`<strong>Vérification en cours.</strong> Votre syndicat numérique doit encore confirmer que vous représentez ${pending.map((o) => o.name).join(', ')} ; vous recevrez un e-mail dès que c’est fait. En attendant, vous pouvez déjà utiliser osinum pour votre commune : seules les invitations de collègues attendent cette confirmation.`,
  )
}

/** The next steps with what their `load` says (cards whose `load` answers null are left out). */
export async function loadNextSteps(request: FastifyRequest): Promise<NextStep[]> {
  const steps = await Promise.all(
    NEXT_STEPS.map(async (s) => {
      if (!s.load) return s
      const loaded = await s.load(request)
      return loaded ? { ...s, ...loaded } : null
    }),
  )
  return steps.filter((s): s is NextStep => s !== null)
}

export function dashboardPage(
  ctx: PageContext,
  me: { hasPassword: boolean },
  nextSteps: NextStep[] = NEXT_STEPS,
): View {
  const steps = nextSteps.filter((s) => !s.when || s.when(ctx, me))
  return {
    title: 'Tableau de bord',
    main: html`<h1>Bonjour${ctx.name ? ` ${ctx.name}` : ''}</h1>
<p class="lead">${ctx.orgs.length ? html`Votre commune : <strong>${ctx.orgs.map((o) => o.name).join(', ')}</strong>.` : 'Vous n’êtes rattaché à aucune commune pour l’instant.'}</p>
${pendingNotice(ctx)}
<h2>Prochaines étapes</h2>
<ul class="cards">${steps.map(
      (s) =>
        html`<li class="card"><h3>${s.title}</h3><p>${s.text}</p><p><a href="${s.href}">${s.action}</a></p></li>`,
    )}</ul>`,
  }
}
