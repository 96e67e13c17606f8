import PDFDocument from 'pdfkit'
import type { MeasureView, ResultsView } from './results-view.js'

/** The report of a submitted diagnostic: the same content as JSON and as a PDF. */
export interface ReportView {
  title: string
  generatedAt: string
  results: ResultsView
}

export function buildReport(results: ResultsView, now = new Date()): ReportView {
  return {
    title: `Autodiagnostic numérique — ${results.organisation.name}`,
    generatedAt: now.toISOString(),
    results,
  }
}

// Characters the PDF's standard fonts (WinAnsi encoding) can show, beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': ' ',
  '\u2011': '-',
  '\u2010': '-',
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '✓': 'oui',
  '≈': '~',
  '\u2212': '-',
}
/** Text safe for the standard Helvetica font (accents and French punctuation kept). */
export function pdfText(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (
      code === 0x0a ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(ch)
    )
      out += ch
    else out += REPLACEMENTS[ch] ?? (ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '') || '?')
  }
  return out
}

const COLOURS = {
  ink: '#1d1d1f',
  muted: '#5f6368',
  accent: '#000091',
  grid: '#d0d4dc',
  peer: '#1d1d1f',
}
function scoreColour(score: number): string {
  if (score >= 80) return '#18753c'
  if (score >= 65) return '#68a532'
  if (score >= 50) return '#e4b300'
  if (score >= 35) return '#e07b00'
  return '#ce0500'
}
const LEVEL_COLOUR: Record<string, string> = {
  A: '#18753c',
  B: '#68a532',
  C: '#e4b300',
  D: '#e07b00',
  E: '#ce0500',
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]
/** "2023-02" → "février 2023" */
const monthFr = (yearMonth: string) => {
  const [y, m] = yearMonth.split('-')
  const month = MONTHS[Number(m) - 1]
  return month ? `${month} ${y}` : yearMonth
}
const dateFr = (iso: string) =>
  new Date(iso).toLocaleDateString('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  })

/** Renders the report as a PDF (A4, standard fonts, charts drawn as vector graphics). */
export function renderReportPdf(report: ReportView): Promise<Buffer> {
  const r = report.results
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: {
      Title: pdfText(report.title),
      Author: 'osinum',
      Subject: 'Autodiagnostic des usages numériques',
      CreationDate: new Date(report.generatedAt),
    },
    lang: 'fr-FR',
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const left = doc.page.margins.left
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const t = (s: string) => pdfText(s)
  const heading = (s: string) => {
    doc.moveDown(0.8)
    if (doc.y > doc.page.height - 140) doc.addPage()
    doc.font('Helvetica-Bold').fontSize(15).fillColor(COLOURS.accent).text(t(s), left, doc.y, { width })
    doc.moveDown(0.4)
    doc.font('Helvetica').fontSize(10).fillColor(COLOURS.ink)
  }
  const paragraph = (s: string, options: { size?: number; colour?: string; bold?: boolean } = {}) => {
    doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(options.size ?? 10)
      .fillColor(options.colour ?? COLOURS.ink)
      .text(t(s), left, doc.y, { width, lineGap: 2 })
  }

  // ---- cover ------------------------------------------------------------------------------
  doc.rect(0, 0, doc.page.width, 220).fill(COLOURS.accent)
  doc
    .fillColor('#ffffff')
    .font('Helvetica')
    .fontSize(12)
    .text(t('Autodiagnostic des usages numériques'), left, 70, { width })
  doc.font('Helvetica-Bold').fontSize(26).text(t(r.organisation.name), left, 96, { width })
  const facts = [
    r.organisation.populationBracketLabel,
    r.organisation.departement ? `Département ${r.organisation.departement}` : null,
    r.organisation.operator ? `Accompagnée par ${r.organisation.operator.name}` : null,
  ].filter(Boolean)
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(t(facts.join(' · ')), left, doc.y + 6, { width })
  doc.y = 250
  // Level badge
  const cx = left + 50
  const cy = 310
  doc.circle(cx, cy, 44).fill(LEVEL_COLOUR[r.level] ?? COLOURS.accent)
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(44)
    .text(r.level, cx - 44, cy - 22, { width: 88, align: 'center' })
  doc
    .fillColor(COLOURS.ink)
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(t(`Niveau ${r.level} — ${r.levelLabel}`), left + 120, 282, { width: width - 120 })
  doc
    .font('Helvetica')
    .fontSize(12)
    .text(t(`Score global : ${formatScore(r.overallScore)} / 100`), left + 120, doc.y + 4, {
      width: width - 120,
    })
  doc
    .fontSize(10)
    .fillColor(COLOURS.muted)
    .text(
      t(
        `Diagnostic validé le ${dateFr(r.submittedAt)} · questionnaire « ${r.questionnaire.title} », version ${r.questionnaire.version}`,
      ),
      left + 120,
      doc.y + 4,
      { width: width - 120 },
    )
  doc.y = 390
  if (r.strengths.length) {
    paragraph('Points forts', { bold: true, size: 12 })
    paragraph(r.strengths.map((s) => `${s.label} (${formatScore(s.score)})`).join(' · '))
    doc.moveDown(0.5)
  }
  if (r.weaknesses.length) {
    paragraph('Points à améliorer', { bold: true, size: 12 })
    paragraph(r.weaknesses.map((s) => `${s.label} (${formatScore(s.score)})`).join(' · '))
    doc.moveDown(0.5)
  }
  paragraph('Vos mesures prioritaires', { bold: true, size: 12 })
  for (const [i, m] of r.priorities.entries()) paragraph(`${i + 1}. ${m.title}`)
  doc.moveDown(1)
  paragraph(
    'Ce rapport présente vos scores par thème et selon trois regards — souveraineté, sécurité, sobriété —, la comparaison avec l’enquête nationale 2023 et avec des collectivités comparables, puis les mesures recommandées.',
    { colour: COLOURS.muted, size: 9 },
  )

  // ---- chart of themes ---------------------------------------------------------------------
  doc.addPage()
  heading('Vos scores par thème')
  const bracketPeers = r.benchmarks.peers.groups.find((g) => g.group === 'population-bracket' && g.published)
  const peerScore = new Map((bracketPeers?.themes ?? []).map((p) => [p.theme, p.score]))
  const labelWidth = 170
  const chartX = left + labelWidth + 10
  const chartW = width - labelWidth - 50
  const rowH = 20
  let y = doc.y + 16
  // grid
  doc.font('Helvetica').fontSize(8).fillColor(COLOURS.muted)
  for (const v of [0, 25, 50, 75, 100]) {
    const x = chartX + (chartW * v) / 100
    doc.text(String(v), x - 10, y - 12, { width: 20, align: 'center' })
  }
  const chartTop = y
  const rows = [
    ...r.themes.map((x) => ({ label: x.label, score: x.score, peer: peerScore.get(x.theme) ?? null })),
  ]
  const chartBottom = chartTop + rows.length * rowH
  for (const v of [0, 25, 50, 75, 100]) {
    const x = chartX + (chartW * v) / 100
    doc
      .moveTo(x, chartTop - 2)
      .lineTo(x, chartBottom)
      .lineWidth(0.5)
      .strokeColor(COLOURS.grid)
      .stroke()
  }
  for (const row of rows) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(COLOURS.ink)
      .text(t(row.label), left, y + 3, { width: labelWidth, align: 'right' })
    if (row.score === null) {
      doc
        .fillColor(COLOURS.muted)
        .fontSize(8)
        .text(t('non concerné'), chartX + 4, y + 4)
    } else {
      doc.rect(chartX, y + 3, Math.max(1, (chartW * row.score) / 100), rowH - 7).fill(scoreColour(row.score))
      doc
        .fillColor(COLOURS.ink)
        .fontSize(8)
        .text(formatScore(row.score), chartX + chartW + 6, y + 5, { width: 34 })
    }
    if (row.peer !== null && row.peer !== undefined) {
      const px = chartX + (chartW * row.peer) / 100
      doc
        .moveTo(px, y + 1)
        .lineTo(px, y + rowH - 2)
        .lineWidth(2)
        .strokeColor(COLOURS.peer)
        .stroke()
    }
    y += rowH
  }
  doc.y = chartBottom + 10
  doc.lineWidth(1)
  paragraph(
    bracketPeers
      ? `Le trait noir indique la moyenne des ${bracketPeers.collectivites} collectivités de même taille sur cette plateforme.`
      : 'Trop peu de collectivités de même taille ont fait leur diagnostic ici pour afficher leur moyenne.',
    { size: 8, colour: COLOURS.muted },
  )
  heading('Souveraineté, sécurité, sobriété')
  y = doc.y + 4
  for (const lens of r.lenses) {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor(COLOURS.ink)
      .text(t(lens.label), left, y + 3, { width: labelWidth, align: 'right' })
    doc.rect(chartX, y + 3, chartW, rowH - 6).fill('#eef0f4')
    if (lens.score !== null) {
      doc
        .rect(chartX, y + 3, Math.max(1, (chartW * lens.score) / 100), rowH - 6)
        .fill(scoreColour(lens.score))
      doc
        .fillColor(COLOURS.ink)
        .font('Helvetica')
        .fontSize(9)
        .text(formatScore(lens.score), chartX + chartW + 6, y + 5, { width: 34 })
    }
    y += rowH + 4
  }
  doc.y = y + 6

  // ---- benchmarks -----------------------------------------------------------------------------
  heading('Vous et l’enquête nationale 2023')
  paragraph(
    `Source : « ${r.benchmarks.national.dataset.title} » (${r.benchmarks.national.dataset.respondents} répondants, publié en ${monthFr(r.benchmarks.national.dataset.publishedAt)}).`,
    { size: 8, colour: COLOURS.muted },
  )
  doc.moveDown(0.3)
  for (const i of r.benchmarks.national.indicators.filter((x) => x.yours !== 'not-applicable')) {
    if (doc.y > doc.page.height - 80) doc.addPage()
    paragraph(`• ${i.sentence}`, { size: 9 })
  }
  heading('Vous et les collectivités comparables')
  for (const g of r.benchmarks.peers.groups) {
    paragraph(
      g.published
        ? `${g.label} : ${g.collectivites} collectivités, score moyen ${formatScore(g.overallScore ?? 0)} / 100 (vous : ${formatScore(r.overallScore)}).`
        : `${g.label} : groupe trop petit pour être affiché (moins de ${r.benchmarks.peers.minGroupSize} collectivités).`,
      { size: 9 },
    )
  }
  const evo = r.benchmarks.evolution
  heading('Votre évolution')
  if (!evo.delta)
    paragraph('C’est votre premier diagnostic validé : le prochain montrera votre évolution.', { size: 9 })
  else {
    paragraph(
      `Depuis votre diagnostic du ${dateFr(evo.delta.since)} : score global ${evo.delta.overallScore >= 0 ? '+' : ''}${formatScore(evo.delta.overallScore)} point(s).`,
      { size: 9 },
    )
    for (const th of evo.delta.themes.filter(
      (x) => x.before !== null && x.after !== null && x.before !== x.after,
    ))
      paragraph(`• ${th.label} : ${formatScore(th.before!)} -> ${formatScore(th.after!)}`, { size: 9 })
    if (evo.changedAnswers.length)
      paragraph(`${evo.changedAnswers.length} réponse(s) ont changé depuis.`, {
        size: 9,
        colour: COLOURS.muted,
      })
  }

  // ---- measures -------------------------------------------------------------------------------
  doc.addPage()
  heading('Vos mesures prioritaires')
  for (const [i, m] of r.priorities.entries()) measureBlock(m, `${i + 1}. `, true)
  if (r.annex.length) {
    doc.addPage()
    heading('Annexe — autres mesures recommandées')
    for (const m of r.annex) measureBlock(m, '', false)
  }

  function measureBlock(m: MeasureView, prefix: string, full: boolean) {
    if (doc.y > doc.page.height - 160) doc.addPage()
    doc.moveDown(0.4)
    paragraph(`${prefix}${m.title}`, { bold: true, size: full ? 12 : 10.5 })
    paragraph(
      `Priorité ${m.priority} · effort ${m.effortLabel.toLowerCase()} · ${m.lenses.map((l) => l.label).join(', ')}`,
      {
        size: 8,
        colour: COLOURS.muted,
      },
    )
    paragraph(`Pourquoi : ${m.why}`, { size: 9 })
    if (full) paragraph(`Comment : ${m.how}`, { size: 9 })
    if (m.tools.length) paragraph(`Outils : ${m.tools.map((x) => x.name).join(', ')}`, { size: 9 })
    if (m.resources.length) paragraph(`À lire : ${m.resources.map((x) => x.title).join(' ; ')}`, { size: 9 })
    if (m.operatorOffer) paragraph(m.operatorOffer.text, { size: 9, colour: COLOURS.accent })
    if (m.nationalIndicator) paragraph(m.nationalIndicator.sentence, { size: 8, colour: COLOURS.muted })
  }

  // ---- footers ----------------------------------------------------------------------------------
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(
        t(`${r.organisation.name} · autodiagnostic osinum · page ${i + 1} / ${range.count}`),
        left,
        doc.page.height - 36,
        { width, align: 'center', lineBreak: false },
      )
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}

function formatScore(n: number): string {
  return String(Math.round(n * 10) / 10).replace('.', ',')
}
