import {
  csrfField,
  errorSummary,
  fieldError,
  notice,
  type PageContext,
  plural,
  type View,
} from '../../components.js'
import { type Html, html } from '../../html.js'
import type { PageProblem } from '../../problems.js'
import { bar } from './charts.html.js'
import {
  type Answers,
  type Detail,
  fieldId,
  optionLabel,
  type Question,
  ROLE_LABELS,
  type Step,
} from './data.js'

/** One question: radios (one answer) or checkboxes (several), its help unfolded on demand, its error. */
function questionField(q: Question, value: string[], problem: PageProblem | undefined): Html {
  const id = fieldId(q.id)
  const error = fieldError(problem, id)
  const type = q.type === 'single' ? 'radio' : 'checkbox'
  return html`<fieldset class="field question${error ? ' field-error' : ''}" aria-describedby="${id}-help${error ? ` ${id}-error` : ''}">
<legend>${q.label}${q.required ? '' : html` <span class="hint">(facultatif)</span>`}</legend>
${q.type === 'multiple' ? html`<p class="hint">Plusieurs réponses possibles.</p>` : ''}
<details class="help" id="${id}-help"><summary>Pourquoi cette question ? Comment progresser ?</summary>
<p><strong>Pourquoi ?</strong> ${q.help.why}</p>
<p><strong>Comment ?</strong> ${q.help.how}</p>
</details>
${error ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">Erreur : </span>${error.message}</p>` : ''}
${q.options.map((o, i) => {
  const optionId = i === 0 ? id : `${id}-${i}`
  return html`<div class="${type}"><input type="${type}" id="${optionId}" name="${q.id}" value="${o.id}"${value.includes(o.id) ? html` checked` : ''}>
<label for="${optionId}">${o.label}</label></div>`
})}
</fieldset>`
}

export function stepPage(
  ctx: PageContext,
  input: {
    detail: Detail
    steps: Step[]
    step: Step
    visible: Map<string, boolean>
    answers: Answers
    /** Opened from the review page: saving goes back there. */
    fromReview?: boolean
    problem?: PageProblem
  },
): View {
  const { detail, steps, step } = input
  const questions = step.questions.filter((q) => input.visible.get(q.id))
  const last = step.number === steps.length
  const base = `/diagnostic/${detail.id}`
  return {
    title: `Diagnostic, étape ${step.number} sur ${steps.length} : ${step.label}`,
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<p class="step-count">Étape ${step.number} sur ${steps.length}</p>
${bar(Math.round((step.number / steps.length) * 100), 'bar-progress')}
<h1>${step.label}</h1>
<p class="hint">Réponses enregistrées : ${detail.progress.answered} sur ${detail.progress.visible} questions (${detail.progress.percent} %).</p>
${errorSummary(input.problem)}
<form method="post" action="${base}" novalidate>
${csrfField(ctx)}
<input type="hidden" name="etape" value="${step.number}">
${input.fromReview ? html`<input type="hidden" name="depuis" value="relecture">` : ''}
${questions.map((q) => questionField(q, input.answers[q.id] ?? [], input.problem))}
<div class="actions">
<button type="submit" class="button" name="suite" value="continuer">${input.fromReview ? 'Enregistrer et revenir à la relecture' : 'Enregistrer et continuer'}</button>
<button type="submit" class="button button-secondary" name="suite" value="plus-tard">Enregistrer et reprendre plus tard</button>
</div>
</form>
<p>${step.number > 1 ? html`<a href="${base}?etape=${step.number - 1}">Revenir à l’étape précédente</a> · ` : ''}<a href="${base}/relecture">Voir toutes mes réponses</a></p>
${last ? '' : html`<p class="hint">Ensuite : ${steps[step.number]!.label}.</p>`}`,
  }
}

function answerText(q: Question, value: string[] | undefined): Html {
  if (!value?.length)
    return html`<span class="muted">Pas de réponse${q.required ? ' (réponse attendue)' : ''}</span>`
  if (value.length === 1) return html`${optionLabel(q, value[0]!)}`
  return html`<ul class="plain-list">${value.map((v) => html`<li>${optionLabel(q, v)}</li>`)}</ul>`
}

/** Who has answered: the élu and the agent of a commune fill the same diagnostic. */
function contributors(detail: Detail): Html {
  if (!detail.contributors.length) return html``
  const parts = detail.contributors.map(
    (c) =>
      `${ROLE_LABELS[c.role ?? ''] ?? 'une personne de la commune'} (${plural(c.answers, 'réponse', 'réponses')})`,
  )
  return html`<p>Ont répondu : ${parts.join(', ')}.</p>`
}

export function reviewPage(
  ctx: PageContext,
  input: {
    detail: Detail
    steps: Step[]
    visible: Map<string, boolean>
    answers: Answers
    problem?: PageProblem
  },
): View {
  const { detail } = input
  const base = `/diagnostic/${detail.id}`
  const missing = new Set(detail.missingRequired)
  const missingSteps = input.steps.filter((s) => s.questions.some((q) => missing.has(q.id)))
  return {
    title: 'Relire vos réponses',
    problem: input.problem,
    status: input.problem ? 400 : 200,
    main: html`<h1>Relire vos réponses</h1>
<p class="lead">Vérifiez vos réponses avant d’envoyer le diagnostic. Une fois envoyé, il ne peut plus être modifié : vous pourrez en refaire un plus tard pour mesurer vos progrès.</p>
${contributors(detail)}
${errorSummary(input.problem)}
${
  missingSteps.length
    ? notice(
        html`<strong>Il reste ${plural(missing.size, 'question', 'questions')} sans réponse.</strong> Complétez : ${missingSteps.map(
          (s, i) =>
            html`${i ? ', ' : ''}<a href="${base}?etape=${s.number}&amp;depuis=relecture">${s.label}</a>`,
        )}.`,
        'warning',
      )
    : ''
}
${input.steps.map(
  (s) => html`<h2>${s.number}. ${s.label}</h2>
<dl class="summary-list">${s.questions
    .filter((q) => input.visible.get(q.id))
    .map(
      (q) =>
        html`<div${missing.has(q.id) ? html` class="missing"` : ''}><dt>${q.label}</dt><dd>${answerText(q, input.answers[q.id])}</dd></div>`,
    )}</dl>
<p><a href="${base}?etape=${s.number}&amp;depuis=relecture">Modifier<span class="visually-hidden"> les réponses « ${s.label} »</span></a></p>`,
)}
<h2>Envoyer le diagnostic</h2>
${
  detail.progress.complete
    ? html`<form method="post" action="${base}/envoyer" novalidate>
${csrfField(ctx)}
<p>Vos résultats s’afficheront aussitôt.</p>
<div class="actions"><button type="submit" class="button">Envoyer le diagnostic</button></div>
</form>`
    : html`<p>Vous pourrez l’envoyer quand toutes les questions attendues auront une réponse.</p>`
}`,
  }
}
