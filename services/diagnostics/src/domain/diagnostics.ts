import { DiagnosticsEvents } from '@osinum/contracts'
import { isUniqueViolation } from '@osinum/db'
import { recordEvent } from '@osinum/events'
import { FieldsError, type Principal } from '@osinum/service-kit'
import { type Kysely, sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { canWriteOrganisationData, memberRole, type ReadGrant, readGrant } from './access.js'
import type { Database, Db, Diagnostic } from './db.js'
import { AlreadySubmitted, DiagnosticNotFound, NotAMember } from './errors.js'
import { type Answers, missingRequired, progress, type Questionnaire, visibility } from './questionnaire.js'
import type { Referential } from './referential.js'
import { computeResult, presentScores, type StoredResult } from './result.js'

export interface DiagnosticsContext {
  db: Kysely<Database>
  referential: Referential
}

export interface AnswerRecord {
  questionId: string
  value: string[]
  answeredBy: string | null
  answeredByRole: string | null
  answeredAt: Date
}

/** Answers of a diagnostic as a map (question id → option ids). */
export async function loadAnswers(db: Db, diagnosticId: string): Promise<AnswerRecord[]> {
  const rows = await db.selectFrom('answers').selectAll().where('diagnostic_id', '=', diagnosticId).execute()
  return rows.map((r) => ({
    questionId: r.question_id,
    value: r.value as unknown as string[],
    answeredBy: r.answered_by,
    answeredByRole: r.answered_by_role,
    answeredAt: r.answered_at,
  }))
}

export const answerMap = (records: AnswerRecord[]): Record<string, string[]> =>
  Object.fromEntries(records.map((r) => [r.questionId, r.value]))

/** A diagnostic the caller may read, with the reason, or 404 (existence is not leaked). */
export async function readableDiagnostic(
  ctx: DiagnosticsContext,
  principal: Principal | null,
  diagnosticId: string,
): Promise<{ diagnostic: Diagnostic; grant: ReadGrant }> {
  const diagnostic = await ctx.db
    .selectFrom('diagnostics')
    .selectAll()
    .where('id', '=', diagnosticId)
    .executeTakeFirst()
  if (!diagnostic) throw new DiagnosticNotFound()
  const grant = await readGrant(ctx.db, principal, diagnostic.organisation_id)
  if (!grant) throw new DiagnosticNotFound()
  return { diagnostic, grant }
}

/** A draft the caller (a member) may write; 404 for strangers, 403 for readers, 409 when submitted. */
async function writableDraft(db: Db, principal: Principal, diagnosticId: string, forUpdate: boolean) {
  let query = db.selectFrom('diagnostics').selectAll().where('id', '=', diagnosticId)
  if (forUpdate) query = query.forUpdate()
  const diagnostic = await query.executeTakeFirst()
  if (!diagnostic) throw new DiagnosticNotFound()
  if (!canWriteOrganisationData(principal, diagnostic.organisation_id)) {
    if (await readGrant(db, principal, diagnostic.organisation_id)) throw new NotAMember()
    throw new DiagnosticNotFound()
  }
  if (diagnostic.status !== 'draft') throw new AlreadySubmitted()
  return diagnostic
}

export function questionnaireOf(ctx: DiagnosticsContext, diagnostic: Diagnostic): Questionnaire {
  const q = ctx.referential.questionnaire(diagnostic.questionnaire_version)
  if (!q) throw new Error(`questionnaire v${diagnostic.questionnaire_version} is not loaded`)
  return q
}

/**
 * Starts a diagnostic for the caller's collectivité with the latest questionnaire, or resumes the
 * draft in progress (one draft per collectivité at a time).
 */
export async function startDiagnostic(
  ctx: DiagnosticsContext,
  principal: Principal,
  organisationId: string,
): Promise<{ diagnostic: Diagnostic; created: boolean }> {
  if (!canWriteOrganisationData(principal, organisationId)) throw new NotAMember()
  const existing = await findDraft(ctx.db, organisationId)
  if (existing) return { diagnostic: existing, created: false }
  const questionnaire = ctx.referential.latest
  try {
    const diagnostic = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('diagnostics')
        .values({
          id: uuidv7(),
          organisation_id: organisationId,
          questionnaire_id: questionnaire.id,
          questionnaire_version: questionnaire.version,
          status: 'draft',
          started_by: principal.userId,
          result: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, DiagnosticsEvents.DiagnosticStarted, row.id, {
        diagnosticId: row.id,
        organisationId,
        startedBy: principal.userId,
        questionnaireVersion: questionnaire.version,
      })
      return row
    })
    return { diagnostic, created: true }
  } catch (error) {
    // Two members started at the same moment: the other one's draft wins, resume it.
    if (isUniqueViolation(error)) {
      const draft = await findDraft(ctx.db, organisationId)
      if (draft) return { diagnostic: draft, created: false }
    }
    throw error
  }
}

async function findDraft(db: Db, organisationId: string) {
  return db
    .selectFrom('diagnostics')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'draft')
    .executeTakeFirst()
}

/** A partial update: question id → option id (single), option ids (multiple), or null to clear. */
export type AnswerPatch = Record<string, string | string[] | null>

/**
 * Checks a partial update against the diagnostic's questionnaire and the answers it would produce.
 * Every problem names its field (`answers.<question id>`): unknown question, wrong shape, option
 * outside the question's options, an exclusive option combined with others, or a question that
 * the resulting answers hide. Returns the normalised patch.
 */
export function validatePatch(
  questionnaire: Questionnaire,
  current: Answers,
  patch: AnswerPatch,
): Record<string, string[] | null> {
  const errors: Array<{ field: string; message: string }> = []
  const normalised: Record<string, string[] | null> = {}
  for (const [questionId, raw] of Object.entries(patch)) {
    const field = `answers.${questionId}`
    const q = questionnaire.byId.get(questionId)
    if (!q) {
      errors.push({ field, message: `unknown question of questionnaire v${questionnaire.version}` })
      continue
    }
    if (raw === null) {
      normalised[questionId] = null
      continue
    }
    let selected: string[]
    if (q.type === 'single') {
      if (typeof raw !== 'string') {
        errors.push({ field, message: 'expects one option id (a string)' })
        continue
      }
      selected = [raw]
    } else {
      if (!Array.isArray(raw)) {
        errors.push({ field, message: 'expects a list of option ids' })
        continue
      }
      selected = raw
      if (selected.length === 0) {
        normalised[questionId] = null
        continue
      }
    }
    const unknown = selected.filter((o) => !q.options.some((x) => x.id === o))
    if (unknown.length) {
      errors.push({ field, message: `not an option of this question: ${unknown.join(', ')}` })
      continue
    }
    if (new Set(selected).size !== selected.length) {
      errors.push({ field, message: 'an option is selected twice' })
      continue
    }
    const exclusive = selected.filter((o) => q.options.find((x) => x.id === o)?.exclusive)
    if (exclusive.length && selected.length > 1) {
      errors.push({ field, message: `option ${exclusive[0]} cannot be combined with other options` })
      continue
    }
    normalised[questionId] = selected
  }
  if (errors.length === 0) {
    const merged: Record<string, readonly string[]> = { ...current }
    for (const [k, v] of Object.entries(normalised)) {
      if (v === null) delete merged[k]
      else merged[k] = v
    }
    const visible = visibility(questionnaire, merged)
    for (const [questionId, v] of Object.entries(normalised))
      if (v !== null && !visible.get(questionId))
        errors.push({
          field: `answers.${questionId}`,
          message: `question hidden by the answer to ${questionnaire.byId.get(questionId)!.showIf?.question}`,
        })
  }
  if (errors.length) throw new FieldsError(errors, { status: 422, code: 'OSI_DIAGNOSTICS_INVALID_ANSWERS' })
  return normalised
}

/**
 * Autosave: applies a partial update of answers. An answer that changes records who gave it and
 * when (an unchanged answer keeps its author). Answers hidden by a later change are kept (the
 * person may switch back) but ignored by scoring and completeness.
 */
export async function saveAnswers(
  ctx: DiagnosticsContext,
  principal: Principal,
  diagnosticId: string,
  patch: AnswerPatch,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const diagnostic = await writableDraft(trx, principal, diagnosticId, true)
    const questionnaire = questionnaireOf(ctx, diagnostic)
    const current = answerMap(await loadAnswers(trx, diagnosticId))
    const normalised = validatePatch(questionnaire, current, patch)
    const role = memberRole(principal, diagnostic.organisation_id)
    const now = new Date()
    for (const [questionId, value] of Object.entries(normalised)) {
      if (value === null) {
        await trx
          .deleteFrom('answers')
          .where('diagnostic_id', '=', diagnosticId)
          .where('question_id', '=', questionId)
          .execute()
        continue
      }
      const before = current[questionId]
      if (before && before.length === value.length && before.every((o, i) => o === value[i])) continue
      const row = {
        value: JSON.stringify(value),
        answered_by: principal.userId,
        answered_by_role: role,
        answered_at: now,
      }
      await trx
        .insertInto('answers')
        .values({ diagnostic_id: diagnosticId, question_id: questionId, ...row })
        .onConflict((oc) => oc.columns(['diagnostic_id', 'question_id']).doUpdateSet(row))
        .execute()
    }
    await trx.updateTable('diagnostics').set({ updated_at: now }).where('id', '=', diagnosticId).execute()
  })
}

/**
 * Submission: checks completeness (422 listing every required visible question without an answer),
 * computes and freezes the result, makes it the collectivité's latest result (panorama, peers) and
 * records DiagnosticSubmitted — all in one transaction.
 */
export async function submitDiagnostic(
  ctx: DiagnosticsContext,
  principal: Principal,
  diagnosticId: string,
  now = new Date(),
): Promise<{ diagnostic: Diagnostic; result: StoredResult }> {
  return ctx.db.transaction().execute(async (trx) => {
    const diagnostic = await writableDraft(trx, principal, diagnosticId, true)
    const questionnaire = questionnaireOf(ctx, diagnostic)
    const answers = answerMap(await loadAnswers(trx, diagnosticId))
    const missing = missingRequired(questionnaire, answers)
    if (missing.length)
      throw new FieldsError(
        missing.map((q) => ({ field: `answers.${q.id}`, message: 'required question not answered' })),
        {
          status: 422,
          code: 'OSI_DIAGNOSTICS_INCOMPLETE',
          detail: `${missing.length} required question(s) not answered`,
        },
      )
    return finalizeSubmission(trx, ctx.referential, diagnostic, questionnaire, answers, principal.userId, now)
  })
}

/**
 * Freezes a complete draft: computes the result, stores it, makes it the collectivité's latest result
 * (panorama, peers) and records DiagnosticSubmitted. Call inside the caller's transaction.
 */
export async function finalizeSubmission(
  trx: Db,
  referential: Referential,
  diagnostic: Diagnostic,
  questionnaire: Questionnaire,
  answers: Answers,
  submittedBy: string,
  now: Date,
): Promise<{ diagnostic: Diagnostic; result: StoredResult }> {
  const diagnosticId = diagnostic.id
  const org = await trx
    .selectFrom('organisations')
    .select(['name', 'population_bracket', 'departement', 'region', 'operator_id'])
    .where('id', '=', diagnostic.organisation_id)
    .executeTakeFirst()
  const result = computeResult(
    referential,
    questionnaire,
    answers,
    {
      name: org?.name ?? null,
      populationBracket: org?.population_bracket ?? null,
      departement: org?.departement ?? null,
      region: org?.region ?? null,
      operatorId: org?.operator_id ?? null,
    },
    now,
  )
  const { scores } = result
  const updated = await trx
    .updateTable('diagnostics')
    .set({
      status: 'submitted',
      submitted_at: now,
      submitted_by: submittedBy,
      updated_at: now,
      level: scores.level,
      overall_score: scores.overallScore,
      result: JSON.stringify(result),
    })
    .where('id', '=', diagnosticId)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst()
  if (!updated) throw new AlreadySubmitted()
  const latest = {
    diagnostic_id: diagnosticId,
    submitted_at: now,
    questionnaire_version: questionnaire.version,
    operator_id: org?.operator_id ?? null,
    region: org?.region ?? null,
    departement: org?.departement ?? null,
    population_bracket: org?.population_bracket ?? null,
    level: scores.level,
    overall_score: scores.overallScore,
    theme_scores: JSON.stringify(presentScores(scores.themeScores)),
    lens_scores: JSON.stringify(presentScores(scores.lensScores)),
    indicators: JSON.stringify(
      Object.fromEntries(Object.entries(result.indicators).filter(([, v]) => v !== null)),
    ),
  }
  await trx
    .insertInto('latest_results')
    .values({ organisation_id: diagnostic.organisation_id, ...latest })
    .onConflict((oc) =>
      oc
        .column('organisation_id')
        .doUpdateSet({ ...latest, revision: sql`default` as never })
        .where(sql<boolean>`${sql.ref('latest_results.submitted_at')} <= excluded.submitted_at`),
    )
    .execute()
  await recordEvent(trx, DiagnosticsEvents.DiagnosticSubmitted, diagnosticId, {
    diagnosticId,
    organisationId: diagnostic.organisation_id,
    submittedBy: submittedBy,
    questionnaireVersion: questionnaire.version,
    // The contract's Level union is typed `never` by TypeBox (built with .map): the value is checked at runtime.
    level: scores.level as never,
    overallScore: scores.overallScore,
    themeScores: presentScores(scores.themeScores),
    lensScores: presentScores(scores.lensScores),
    weakThemes: scores.weaknesses,
    topMeasures: result.measures
      .filter((m) => m.isPriority)
      .map((m) => ({ ruleId: m.ruleId, title: m.title, priority: m.priority, lenses: m.lenses })),
    reportPath: `/v1/diagnostics/${diagnosticId}/report.pdf`,
  })
  return { diagnostic: updated, result }
}

/** The latest submitted diagnostic of a collectivité with its frozen result, or null. */
export async function latestSubmitted(
  db: Db,
  organisationId: string,
): Promise<{
  id: string
  organisationId: string
  questionnaireVersion: number
  submittedAt: Date
  submittedBy: string | null
  level: string
  overallScore: number
  result: StoredResult
} | null> {
  const row = await db
    .selectFrom('diagnostics')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'submitted')
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row?.submitted_at) return null
  return {
    id: row.id,
    organisationId: row.organisation_id,
    questionnaireVersion: row.questionnaire_version,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    level: row.level!,
    overallScore: row.overall_score!,
    result: row.result as StoredResult,
  }
}

/** Submitted diagnostics of a collectivité, oldest first (for the evolution). */
export async function submittedHistory(db: Db, organisationId: string) {
  return db
    .selectFrom('diagnostics')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'submitted')
    .orderBy('submitted_at', 'asc')
    .orderBy('id', 'asc')
    .execute()
}

export { progress }
