import { DiagnosticsEvents } from '@osinum/contracts'
import type { Trx, User } from '../domain/db.js'
import { de, diagnosticSubmitted, reminder, supportMessage, supportUpdate } from '../domain/messages.js'
import {
  isErased,
  membersOf,
  organisation,
  ProjectionLagError,
  setWeakThemes,
  usersByIds,
  WAITS_FOR_PROJECTION,
  withRole,
} from '../domain/projection.js'
import { enqueueWebhooks } from '../domain/webhooks.js'
import { notifyUsers, type Runtime } from '../runtime.js'

const memberReason = (organisationName: string) =>
  `Vous recevez ce message car vous êtes membre ${de(organisationName)} sur osinum.`
const ADVISOR_REASON = 'Vous recevez ce message en tant que conseiller·e sur osinum.'

async function requireOrganisation(trx: Trx, organisationId: string) {
  const org = await organisation(trx, organisationId)
  if (!org) throw new ProjectionLagError(`organisation ${organisationId} is not in the projection yet`)
  return org
}

/** Results, support and reminders: to the collectivité's members and their advisors. */
export function diagnosticsConsumers(rt: Runtime): void {
  const { events } = rt

  events.on(
    DiagnosticsEvents.DiagnosticSubmitted,
    'diagnostic-submitted',
    async ({ trx: t, event, deliveryCount }) => {
      const trx = t as Trx
      const d = event.data
      const org = await requireOrganisation(trx, d.organisationId)
      // The submitter not projected yet hints that the memberships lag too: wait a little, then
      // send to the members known by then rather than never.
      const [submitter] = await usersByIds(trx, [d.submittedBy])
      if (!submitter && deliveryCount < 5 && !(await isErased(trx, d.submittedBy)))
        throw new ProjectionLagError(`user ${d.submittedBy} is not in the projection yet`)
      await setWeakThemes(trx, org.organisation_id, d.weakThemes)
      const content = diagnosticSubmitted({
        organisationName: org.name,
        level: d.level,
        overallScore: d.overallScore,
        themeScores: d.themeScores,
        lensScores: d.lensScores,
        topMeasures: d.topMeasures,
        reportUrl: rt.links.results(d.diagnosticId),
      })
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'diagnostics',
        kind: 'diagnostic-submitted',
        users: await membersOf(trx, org.organisation_id),
        content: () => content,
        reason: () => memberReason(org.name),
      })
      if (await enqueueWebhooks(trx, event, { kind: 'operator', operatorId: org.operator_id }))
        rt.wakeWebhooks()
    },
    WAITS_FOR_PROJECTION,
  )

  for (const [contract, stage] of [
    [DiagnosticsEvents.SupportRequested, 'requested'],
    [DiagnosticsEvents.SupportAssigned, 'assigned'],
    [DiagnosticsEvents.SupportClosed, 'closed'],
  ] as const) {
    events.on(
      contract,
      `support-${stage}`,
      async ({ trx: t, event }) => {
        const trx = t as Trx
        const d = event.data
        const org = await requireOrganisation(trx, d.organisationId)
        const operatorId = d.operatorId ?? org.operator_id
        let advisors: User[] = await usersByIds(trx, d.advisorIds)
        if (advisors.length === 0 && stage === 'requested')
          advisors = await withRole(trx, 'advisor', { operatorId })
        const link = rt.links.supportRequest(d.requestId)
        await notifyUsers(trx, rt, {
          causeEventId: event.id,
          category: 'support',
          kind: `support-${stage}`,
          users: advisors,
          content: () =>
            supportUpdate({ stage, audience: 'advisor', organisationName: org.name, topic: d.topic, link }),
          reason: () => ADVISOR_REASON,
        })
        await notifyUsers(trx, rt, {
          causeEventId: event.id,
          category: 'support',
          kind: `support-${stage}`,
          users: await membersOf(trx, org.organisation_id),
          content: () =>
            supportUpdate({ stage, audience: 'member', organisationName: org.name, topic: d.topic, link }),
          reason: () => memberReason(org.name),
        })
        if (await enqueueWebhooks(trx, event, { kind: 'operator', operatorId })) rt.wakeWebhooks()
      },
      WAITS_FOR_PROJECTION,
    )
  }

  events.on(
    DiagnosticsEvents.SupportMessagePosted,
    'support-message',
    async ({ trx: t, event }) => {
      const trx = t as Trx
      const d = event.data
      const org = await requireOrganisation(trx, d.organisationId)
      const recipients = d.fromAdvisor
        ? await membersOf(trx, org.organisation_id)
        : await usersByIds(trx, d.advisorIds)
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'support',
        kind: 'support-message',
        users: recipients.filter((u) => u.user_id !== d.authorId),
        content: () =>
          supportMessage({
            organisationName: org.name,
            fromAdvisor: d.fromAdvisor,
            link: rt.links.supportRequest(d.requestId),
          }),
        reason: () => (d.fromAdvisor ? memberReason(org.name) : ADVISOR_REASON),
      })
    },
    WAITS_FOR_PROJECTION,
  )

  events.on(
    DiagnosticsEvents.ReminderDue,
    'reminder-due',
    async ({ trx: t, event }) => {
      const trx = t as Trx
      const d = event.data
      const org = await requireOrganisation(trx, d.organisationId)
      const link =
        d.kind === 'overdue-action-item'
          ? rt.links.actionItem(d.subjectId)
          : rt.links.supportRequest(d.subjectId)
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'support',
        kind: `reminder-${d.kind}`,
        users: await usersByIds(trx, d.recipientIds),
        content: () =>
          reminder({ kind: d.kind, title: d.title, organisationName: org.name, dueOn: d.dueOn, link }),
        reason: (u) => (u.platform_roles.includes('advisor') ? ADVISOR_REASON : memberReason(org.name)),
      })
      if (await enqueueWebhooks(trx, event, { kind: 'operator', operatorId: org.operator_id }))
        rt.wakeWebhooks()
    },
    WAITS_FOR_PROJECTION,
  )
}
