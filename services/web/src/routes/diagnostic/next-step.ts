import type { NextStep } from '../dashboard/dashboard.html.js'
import { communeDiagnostics } from './start.js'

/** The dashboard's diagnostic card: start it, resume the draft, or read the latest results. */
export const diagnosticStep: NextStep = {
  title: 'Faire le diagnostic',
  text: '20 à 30 minutes pour savoir où en est votre commune et par quoi commencer.',
  href: '/diagnostic',
  action: 'Faire le diagnostic',
  when: (ctx) => ctx.orgs.length > 0,
  async load(request) {
    if (!(request.session.get('auth')?.orgs ?? []).length) return null
    const communes = await communeDiagnostics(request)
    const draft = communes.find((c) => c.draft)?.draft
    if (draft)
      return {
        title: 'Reprendre le diagnostic',
        text: `Le diagnostic est commencé : ${draft.progress.percent} % des questions ont une réponse. Vous, ou un collègue, pouvez le continuer.`,
        href: `/diagnostic/${draft.id}`,
        action: 'Reprendre le diagnostic',
      }
    const latest = communes.flatMap((c) => c.submitted)[0]
    if (latest)
      return {
        title: 'Voir vos résultats',
        text: `Votre commune a atteint le niveau ${latest.level ?? ''} : découvrez vos priorités et les outils qui peuvent vous aider.`,
        href: `/diagnostic/${latest.id}/resultats`,
        action: 'Voir vos résultats',
      }
    return {}
  },
}
