import { DEMO, DiagnosticsEvents } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import type { CommandContext } from '@osinum/service-kit'
import type { Kysely } from 'kysely'
import type { Database } from '../domain/db.js'
import { finalizeSubmission } from '../domain/diagnostics.js'
import { missingRequired } from '../domain/questionnaire.js'
import type { Referential } from '../domain/referential.js'

/** Answers of the demo communes, chosen to look like the survey's typical respondents. */
type DemoAnswers = Record<string, string[]>

// Commune A: an élu–agent pair, a mutualised syndicate, halfway there.
const COMMUNE_A: DemoAnswers = {
  'governance.collectivity-type': ['commune'],
  'governance.population': ['under-500'],
  'governance.respondent-role': ['elected-digital'],
  'governance.pilot': ['elected-and-agent'],
  'governance.external-provider': ['mutualised-structure'],
  'governance.digital-referent': ['informal'],
  'governance.tool-inventory': ['outdated'],
  'equipment.desktop': ['professional'],
  'equipment.laptop': ['both'],
  'equipment.tablet': ['no'],
  'equipment.smartphone': ['personal'],
  'connectivity.workplace': ['both'],
  'connectivity.wifi-security': ['single-network'],
  'telework.frequency': ['occasionally'],
  'telework.connection': ['home-wifi'],
  'telework.computer': ['both'],
  'telework.secure-access': ['email-or-usb'],
  'data-storage.locations': ['local-disk', 'remote-server'],
  'security.usb-encryption': ['no'],
  'data-storage.hosting-country': ['france'],
  'data-storage.backup-frequency': ['weekly'],
  'data-storage.backup-offsite': ['no'],
  'data-storage.restore-tested': ['never'],
  'security.passwords': ['written-down'],
  'security.two-factor': ['some'],
  'security.updates': ['automatic'],
  'security.shared-accounts': ['partly'],
  'email.usage': ['daily'],
  'email.custom-address': ['yes'],
  'email.several-mailboxes': ['yes'],
  'email.hosting': ['mutualised-provider'],
  'videoconference.usage': ['occasionally'],
  'videoconference.tools': ['free-software', 'zoom'],
  'website.has-site': ['own-site'],
  'website.role': ['contribute'],
  'website.cms': ['free-cms'],
  'website.compliance': ['partly'],
  'agenda.online': ['yes'],
  'agenda.count': ['one-to-two'],
  'agenda.shared': ['no'],
  'contacts.online': ['no'],
  'collaboration.co-editing': ['occasionally'],
  'collaboration.review-method': ['email-attachment'],
  'collaboration.files-location': ['shared-local'],
  'collaboration.knows-practices': ['vaguely'],
  'collaboration.instant-messaging': ['consumer-apps'],
  'gdpr.knowledge': ['partly'],
  'gdpr.dpo': ['mutualised'],
  'gdpr.register': ['in-progress'],
  'open-data.knowledge': ['vaguely'],
  'open-data.publishes': ['no'],
  'open-source.knowledge': ['vaguely'],
  'open-source.usage': ['some'],
  'open-source.office-suite': ['microsoft-desktop'],
  'sobriety.equipment-lifespan': ['4-to-6-years'],
  'sobriety.refurbished': ['no'],
  'sobriety.end-of-life': ['stored'],
  'sobriety.practices': ['devices-off', 'limited-printing'],
  'governance.training-wishes': ['gdpr', 'open-data', 'collaboration'],
  'governance.training-format': ['webinar', 'in-person'],
}

// Commune B: a village whose mayor does everything alone, mostly on personal tools.
const COMMUNE_B: DemoAnswers = {
  'governance.collectivity-type': ['commune'],
  'governance.population': ['500-999'],
  'governance.respondent-role': ['elected'],
  'governance.pilot': ['elected'],
  'governance.external-provider': ['no'],
  'governance.digital-referent': ['no'],
  'governance.tool-inventory': ['no'],
  'equipment.desktop': ['professional'],
  'equipment.laptop': ['personal'],
  'equipment.tablet': ['no'],
  'equipment.smartphone': ['personal'],
  'connectivity.workplace': ['wifi'],
  'connectivity.wifi-security': ['dont-know'],
  'telework.frequency': ['regularly'],
  'telework.connection': ['home-wifi', 'public-wifi'],
  'telework.computer': ['personal'],
  'telework.secure-access': ['email-or-usb'],
  'data-storage.locations': ['usb-key', 'local-disk'],
  'security.usb-encryption': ['no'],
  'data-storage.hosting-country': ['dont-know'],
  'data-storage.backup-frequency': ['rarely'],
  'data-storage.backup-offsite': ['no'],
  'data-storage.restore-tested': ['never'],
  'security.passwords': ['same-everywhere'],
  'security.two-factor': ['no'],
  'security.updates': ['manual'],
  'security.shared-accounts': ['shared'],
  'email.usage': ['daily'],
  'email.custom-address': ['generic-provider'],
  'email.several-mailboxes': ['yes'],
  'email.hosting': ['big-tech'],
  'videoconference.usage': ['occasionally'],
  'videoconference.tools': ['consumer-messaging'],
  'website.has-site': ['shared-page'],
  'website.role': ['provider'],
  'website.cms': ['dont-know'],
  'website.compliance': ['dont-know'],
  'agenda.online': ['no'],
  'contacts.online': ['no'],
  'collaboration.co-editing': ['never'],
  'collaboration.review-method': ['printing'],
  'collaboration.files-location': ['own-computer'],
  'collaboration.knows-practices': ['no'],
  'collaboration.instant-messaging': ['consumer-apps'],
  'gdpr.knowledge': ['no'],
  'gdpr.dpo': ['dont-know'],
  'gdpr.register': ['no'],
  'open-data.knowledge': ['no'],
  'open-source.knowledge': ['no'],
  'open-source.usage': ['dont-know'],
  'open-source.office-suite': ['microsoft-365'],
  'sobriety.equipment-lifespan': ['more-than-6-years'],
  'sobriety.refurbished': ['no'],
  'sobriety.end-of-life': ['trashed'],
  'sobriety.practices': ['none'],
  'governance.training-wishes': ['security', 'open-source', 'website'],
  'governance.training-format': ['self-paced', 'advisor'],
}

/** Fixed ids, so the seed stays idempotent. */
export const DEMO_DIAGNOSTICS = {
  communeA: '0193a000-0000-7000-8000-000000000501',
  communeB: '0193a000-0000-7000-8000-000000000502',
} as const

// The élu answers the governance and public-facing questions; the agent the day-to-day ones.
const ELECTED_THEMES = new Set(['governance', 'website', 'open-data', 'gdpr'])

/**
 * Embedded demo: one submitted diagnostic for each demo commune (answered by its people).
 * Idempotent: skipped when the diagnostic exists. No fictitious collectivités are invented, so
 * the demo panorama shows suppressed groups, as it should below the minimum group size.
 */
export async function seedDemo(ctx: CommandContext, referential: Referential): Promise<void> {
  const db = ctx.db as Kysely<Database>
  const questionnaire = referential.questionnaire(1)!
  const communes = [
    {
      id: DEMO_DIAGNOSTICS.communeA,
      organisationId: DEMO.communeA.id,
      placeholder: 'Commune A (démonstration)',
      answers: COMMUNE_A,
      elected: DEMO.communeA.elected.id,
      agent: DEMO.communeA.agent.id as string,
      startedAt: new Date('2026-11-12T08:30:00Z'),
      submittedAt: new Date('2026-11-20T16:05:00Z'),
    },
    {
      id: DEMO_DIAGNOSTICS.communeB,
      organisationId: DEMO.communeB.id,
      placeholder: 'Commune B (démonstration)',
      answers: COMMUNE_B,
      elected: DEMO.communeB.elected.id,
      agent: DEMO.communeB.elected.id as string,
      startedAt: new Date('2026-11-18T18:10:00Z'),
      submittedAt: new Date('2026-11-24T19:40:00Z'),
    },
  ]
  for (const c of communes) {
    const exists = await db.selectFrom('diagnostics').select('id').where('id', '=', c.id).executeTakeFirst()
    if (exists) continue
    if (missingRequired(questionnaire, c.answers).length)
      throw new Error(`demo answers of ${c.placeholder} are incomplete`)
    await db.transaction().execute(async (trx) => {
      // Identity's events fill in the real name, size and territory (they overwrite this placeholder).
      await trx
        .insertInto('organisations')
        .values({
          id: c.organisationId,
          kind: 'commune',
          official_code: '',
          name: c.placeholder,
          last_event_id: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
      const diagnostic = await trx
        .insertInto('diagnostics')
        .values({
          id: c.id,
          organisation_id: c.organisationId,
          questionnaire_id: questionnaire.id,
          questionnaire_version: questionnaire.version,
          status: 'draft',
          started_by: c.elected,
          started_at: c.startedAt,
          updated_at: c.submittedAt,
          result: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, DiagnosticsEvents.DiagnosticStarted, c.id, {
        diagnosticId: c.id,
        organisationId: c.organisationId,
        startedBy: c.elected,
        questionnaireVersion: questionnaire.version,
      })
      for (const [questionId, value] of Object.entries(c.answers)) {
        const elected = ELECTED_THEMES.has(questionnaire.byId.get(questionId)!.theme)
        await trx
          .insertInto('answers')
          .values({
            diagnostic_id: c.id,
            question_id: questionId,
            value: JSON.stringify(value),
            answered_by: elected ? c.elected : c.agent,
            answered_by_role: elected || c.agent === c.elected ? 'elected' : 'agent',
            answered_at: c.submittedAt,
          })
          .execute()
      }
      await finalizeSubmission(
        trx,
        referential,
        diagnostic,
        questionnaire,
        c.answers,
        c.elected,
        c.submittedAt,
      )
    })
  }
}
