import { frenchDate, frenchNumber, type PageContext, type View } from '../../components.js'
import { type Html, html } from '../../html.js'
import { bar, scoreText } from './charts.html.js'
import type { Results } from './data.js'

type Measure = Results['priorities'][number]

const LEVELS = [
  { level: 'A', label: 'Très avancé' },
  { level: 'B', label: 'Avancé' },
  { level: 'C', label: 'Intermédiaire' },
  { level: 'D', label: 'En progression' },
  { level: 'E', label: 'Premiers pas' },
]

/** What each lens looks at, in plain words. */
const LENS_TEXT: Record<string, string> = {
  sovereignty: 'garder la maîtrise de vos données et de vos outils (où ils sont hébergés, qui les contrôle).',
  security: 'protéger vos données et vos comptes contre les pertes, les pannes et les pirates.',
  sobriety:
    'utiliser le numérique sans gaspiller : matériel gardé longtemps, moins d’énergie et de dépenses.',
}

function levelScale(r: Results): Html {
  return html`<ol class="levels" aria-label="Les cinq niveaux, du plus avancé au premier pas">${LEVELS.map(
    (l) =>
      html`<li${l.level === r.level ? html` class="current" aria-current="true"` : ''}><span class="level-letter">${l.level}</span> ${l.label}${l.level === r.level ? html`<span class="visually-hidden"> (votre niveau)</span>` : ''}</li>`,
  )}</ol>`
}

const toolLinks = (tools: Array<{ slug: string; name: string }>) =>
  tools.map((t, i) => html`${i ? ', ' : ''}<a href="/catalogue/${t.slug}">${t.name}</a>`)

function measure(m: Measure, headingLevel: 'h3' | 'h4' = 'h3'): Html {
  const title = headingLevel === 'h3' ? html`<h3>${m.title}</h3>` : html`<h4 class="h3">${m.title}</h4>`
  return html`<li class="card measure">${title}
<p class="tags"><span class="tag">Effort : ${m.effortLabel.toLowerCase()}</span>${m.themes.map((t) => html` <span class="tag">${t.label}</span>`)}</p>
<p><strong>Pourquoi ?</strong> ${m.why}</p>
<p><strong>Comment ?</strong> ${m.how}</p>
${m.nationalIndicator ? html`<p class="hint">${m.nationalIndicator.sentence}</p>` : ''}
${
  m.operatorOffer
    ? html`<p class="offer"><strong>${
        m.operatorOffer.tools.length
          ? html`Votre syndicat, ${m.operatorOffer.operatorName}, propose : ${toolLinks(m.operatorOffer.tools)}.`
          : m.operatorOffer.text
      }</strong></p>`
    : ''
}
${m.tools.length ? html`<p>Outils qui peuvent vous aider : ${toolLinks(m.tools)}.</p>` : ''}
${m.resources.length ? html`<p>À lire : ${m.resources.map((r, i) => html`${i ? ', ' : ''}<a href="/ressources/${r.slug}">${r.title}</a>`)}.</p>` : ''}
</li>`
}

function themeBars(r: Results): Html {
  return html`<ul class="bars">${r.themes.map(
    (t) =>
      html`<li><span class="bar-label">${t.label}</span>${bar(t.score)}<span class="bar-value">${scoreText(t.score, 'ne vous concerne pas')}</span></li>`,
  )}</ul>`
}

function lensBars(r: Results): Html {
  return html`<ul class="bars">${r.lenses.map(
    (l) =>
      html`<li><span class="bar-label">${l.label}</span>${bar(l.score, 'bar-lens')}<span class="bar-value">${scoreText(l.score)}</span><span class="bar-text hint">Ce regard porte sur : ${LENS_TEXT[l.lens] ?? ''}</span></li>`,
  )}</ul>`
}

function national(r: Results): Html {
  const n = r.benchmarks.national
  if (!n.indicators.length) return html``
  return html`<h2>Comparaison avec l’enquête nationale de 2023</h2>
<p>En 2023, ${frenchNumber(n.dataset.respondents)} collectivités ont répondu à une enquête nationale sur leurs usages du numérique (<a href="${n.dataset.url}">${n.dataset.title}</a>). Voici où vous en êtes sur les mêmes points.</p>
<details><summary>Voir la comparaison point par point (${n.indicators.length} pratiques)</summary>
<ul>${n.indicators.map((i) => html`<li>${i.sentence}</li>`)}</ul>
</details>`
}

function peers(r: Results): Html {
  const groups = r.benchmarks.peers.groups
  if (!groups.length) return html``
  const shown = groups.filter((g) => g.published)
  return html`<h2>Comparaison avec des collectivités comme la vôtre</h2>
<p>Les moyennes ne sont publiées que pour des groupes d’au moins ${r.benchmarks.peers.minGroupSize} collectivités, pour que personne ne puisse reconnaître une commune.</p>
${
  shown.length
    ? html`<table class="compare">
<caption class="visually-hidden">Votre note comparée à la moyenne des groupes</caption>
<thead><tr><th scope="col">Groupe</th><th scope="col">Collectivités</th><th scope="col">Note moyenne</th><th scope="col">Votre note</th></tr></thead>
<tbody>${shown.map(
        (g) =>
          html`<tr><th scope="row">${g.label}</th><td data-label="Collectivités">${g.collectivites ?? ''}</td><td data-label="Note moyenne">${scoreText(g.overallScore, 'non publiée')}</td><td data-label="Votre note">${scoreText(r.overallScore)}</td></tr>`,
      )}</tbody>
</table>
<details><summary>Comparer thème par thème</summary>
<table class="compare">
<caption class="visually-hidden">Vos notes par thème comparées aux moyennes des groupes</caption>
<thead><tr><th scope="col">Thème</th><th scope="col">Vous</th>${shown.map((g) => html`<th scope="col">${g.label}</th>`)}</tr></thead>
<tbody>${r.themes.map(
        (t) =>
          html`<tr><th scope="row">${t.label}</th><td data-label="Vous">${scoreText(t.score)}</td>${shown.map(
            (g) =>
              html`<td data-label="${g.label}">${scoreText(g.themes.find((x) => x.theme === t.theme)?.score ?? null, 'non publiée')}</td>`,
          )}</tr>`,
      )}</tbody>
</table>
</details>`
    : ''
}
${groups
  .filter((g) => !g.published)
  .map((g) => html`<p>${g.label} : pas encore assez de collectivités pour une comparaison.</p>`)}`
}

function history(r: Results): Html {
  const e = r.benchmarks.evolution
  if (!e.previous.length)
    return html`<h2>Vos diagnostics précédents</h2>
<p>C’est votre premier diagnostic. Refaites-le dans un an environ pour mesurer vos progrès. <a href="/diagnostic">Tous vos diagnostics</a></p>`
  const signed = (n: number) => `${n > 0 ? '+' : ''}${frenchNumber(Math.round(n))}`
  return html`<h2>Vos diagnostics précédents</h2>
${e.delta ? html`<p>Depuis le diagnostic du ${frenchDate(e.delta.since, false)}, votre note globale a changé de <strong>${signed(e.delta.overallScore)} point${Math.abs(Math.round(e.delta.overallScore)) > 1 ? 's' : ''}</strong>.</p>` : ''}
<table>
<caption class="visually-hidden">Vos diagnostics précédents</caption>
<thead><tr><th scope="col">Terminé le</th><th scope="col">Niveau</th><th scope="col">Note globale</th></tr></thead>
<tbody>${[...e.previous]
    .reverse()
    .map(
      (p) =>
        html`<tr><td data-label="Terminé le"><a href="/diagnostic/${p.diagnosticId}/resultats">${frenchDate(p.submittedAt, false)}</a></td><td data-label="Niveau">${p.level}</td><td data-label="Note globale">${scoreText(p.overallScore)}</td></tr>`,
    )}</tbody>
</table>
${
  e.delta
    ? html`<details><summary>Évolution thème par thème</summary><ul>${e.delta.themes
        .filter((t) => t.before !== null || t.after !== null)
        .map(
          (t) => html`<li>${t.label} : ${scoreText(t.before)} → ${scoreText(t.after)}</li>`,
        )}</ul></details>`
    : ''
}
<p><a href="/diagnostic">Tous vos diagnostics</a></p>`
}

export function resultsPage(_ctx: PageContext, r: Results): View {
  return {
    title: `Résultats du diagnostic — ${r.organisation.name}`,
    main: html`<h1>Résultats du diagnostic de ${r.organisation.name}</h1>
<p class="hint">Diagnostic terminé le ${frenchDate(r.submittedAt, false)}.</p>
<div class="level-box">
<p class="level-summary">Votre niveau : <strong class="level-letter">${r.level}</strong> <strong>${r.levelLabel}</strong></p>
<p>Note globale : <strong>${scoreText(r.overallScore)}</strong>. Cette note n’est pas un examen : elle dit où vous en êtes par rapport aux bonnes pratiques conseillées aux collectivités. Cinq niveaux vont de A, le plus avancé, à E, les premiers pas.</p>
${levelScale(r)}
</div>
<p><a class="button" href="/diagnostic/${r.diagnosticId}/rapport.pdf">Télécharger le rapport (PDF)</a></p>
${r.strengths.length ? html`<p>Vos points forts : ${r.strengths.map((s) => s.label).join(', ')}.</p>` : ''}
${r.weaknesses.length ? html`<p>À améliorer en premier : ${r.weaknesses.map((s) => s.label).join(', ')}.</p>` : ''}
<h2>Vos priorités</h2>
${r.priorities.length ? html`<p>Les mesures les plus utiles pour votre commune, de la plus urgente à la moins urgente.</p><ol class="measures">${r.priorities.map((m) => measure(m))}</ol>` : html`<p>Aucune mesure urgente : continuez ainsi.</p>`}
<h2>Thème par thème</h2>
<p>Chaque barre montre votre note sur 100 pour un thème : plus elle est longue, plus vos pratiques sont proches de celles qui sont conseillées.</p>
${themeBars(r)}
<h2>Trois regards sur vos pratiques</h2>
<p>Les mêmes réponses, vues sous trois angles qui traversent tous les thèmes.</p>
${lensBars(r)}
${national(r)}
${peers(r)}
${history(r)}
${
  r.annex.length
    ? html`<h2>Autres conseils</h2>
<details><summary>Voir les ${r.annex.length} autres mesures conseillées</summary><ul>${r.annex.map((m) => html`<li><strong>${m.title}.</strong> ${m.why}</li>`)}</ul></details>`
    : ''
}
<h2>Et maintenant ?</h2>
<p>Votre syndicat numérique peut vous aider à mettre en place ces mesures. <a href="/aide">Demander de l’aide à un conseiller</a></p>`,
  }
}

/** The PDF could not be made: a French page instead of a broken download. */
export function reportFailedPage(_ctx: PageContext, id: string, status: number): View {
  return {
    title: 'Rapport indisponible',
    status,
    main: html`<h1>Le rapport n’a pas pu être préparé</h1>
<p class="lead">Le rapport PDF de ce diagnostic n’est pas disponible pour l’instant. Vos résultats sont conservés : réessayez dans quelques minutes.</p>
<p><a href="/diagnostic/${id}/resultats">Revenir aux résultats</a></p>`,
  }
}
