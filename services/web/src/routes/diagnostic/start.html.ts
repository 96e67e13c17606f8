import {
  errorSummary,
  frenchDate,
  notice,
  type PageContext,
  plural,
  postForm,
  type View,
} from '../../components.js'
import { html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import type { Detail, Summary } from './data.js'

/** One collectivité of the person, as the diagnostic's home shows it. */
export interface CommuneDiagnostics {
  id: string
  name: string
  draft: Detail | null
  submitted: Summary[]
}

const score = (n: number | null) => (n === null ? '' : `${Math.round(n)} sur 100`)

function communeSection(ctx: PageContext, c: CommuneDiagnostics, many: boolean) {
  const draft = c.draft
  return html`${many ? html`<h2>${c.name}</h2>` : ''}
${
  draft
    ? html`<div class="card">
<h2 class="h3">Un diagnostic est en cours</h2>
<p>Commencé le ${frenchDate(draft.startedAt, false)}, modifié le ${frenchDate(draft.updatedAt)}. ${plural(draft.progress.answered, 'question répondue', 'questions répondues')} sur ${draft.progress.visible} (${draft.progress.percent} %).</p>
${draft.contributors.length > 1 ? html`<p class="hint">Plusieurs personnes de la commune y ont répondu.</p>` : ''}
<p><a class="button" href="/diagnostic/${draft.id}">Reprendre le diagnostic</a></p>
</div>`
    : postForm(
        ctx,
        '/diagnostic',
        html`<input type="hidden" name="organisationId" value="${c.id}">`,
        c.submitted.length ? 'Faire un nouveau diagnostic' : 'Commencer le diagnostic',
      )
}
<h2${many ? html` class="h3"` : ''}>Diagnostics déjà faits${many ? html` — ${c.name}` : ''}</h2>
${
  c.submitted.length
    ? html`<table>
<caption class="visually-hidden">Diagnostics terminés de ${c.name}</caption>
<thead><tr><th scope="col">Terminé le</th><th scope="col">Niveau</th><th scope="col">Note globale</th><th scope="col"><span class="visually-hidden">Lien</span></th></tr></thead>
<tbody>${c.submitted.map(
        (d) =>
          html`<tr><td data-label="Terminé le">${d.submittedAt ? frenchDate(d.submittedAt, false) : ''}</td><td data-label="Niveau">${d.level ?? ''}</td><td data-label="Note globale">${score(d.overallScore)}</td><td><a href="/diagnostic/${d.id}/resultats">Voir les résultats<span class="visually-hidden"> du ${d.submittedAt ? frenchDate(d.submittedAt, false) : ''}</span></a></td></tr>`,
      )}</tbody>
</table>`
    : html`<p>Aucun pour l’instant.</p>`
}`
}

export function startPage(
  ctx: PageContext,
  input: { communes: CommuneDiagnostics[]; questions: number; steps: number; problem?: PageProblem },
): View {
  return {
    title: 'Diagnostic numérique',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Diagnostic numérique de votre commune</h1>
<p class="lead">En répondant à des questions simples sur vos ordinateurs, vos sauvegardes, votre messagerie ou votre site internet, vous saurez où en est votre commune et par quoi commencer. Ce n’est pas un examen : il n’y a pas de mauvaise réponse.</p>
<ul>
<li>${input.questions} questions au plus, en ${input.steps} étapes courtes : comptez 20 à 30 minutes. Certaines questions n’apparaissent que si elles vous concernent.</li>
<li>Vos réponses sont enregistrées à chaque étape : vous pouvez vous arrêter et reprendre plus tard.</li>
<li>Un élu et le secrétariat de la même commune remplissent le même diagnostic : chacun peut continuer là où l’autre s’est arrêté.</li>
<li>À la fin, vous obtenez vos résultats, des conseils et un rapport à télécharger (PDF).</li>
</ul>
${errorSummary(input.problem)}
${
  input.communes.length
    ? input.communes.map((c) => communeSection(ctx, c, input.communes.length > 1))
    : notice(
        html`Pour faire le diagnostic, indiquez d’abord votre commune. <a href="/commune">Trouver ma commune</a>`,
      )
}`,
  }
}
