import { type EventData, ResourcesEvents } from '@osinum/contracts'
import type { Trx } from '../domain/db.js'
import { onNewContent } from '../domain/digests.js'
import { buildIcs, InvalidIcsDateError } from '../domain/ics.js'
import { contentHidden, contentReported, type RegistrationChange, registration } from '../domain/messages.js'
import { knownUser, WAITS_FOR_PROJECTION, withRole } from '../domain/projection.js'
import { enqueueWebhooks } from '../domain/webhooks.js'
import { notifyUsers, type Runtime } from '../runtime.js'

const TRAININGS_REASON = 'Vous recevez ce message car vous vous êtes inscrit·e à une formation sur osinum.'
const AUTHOR_REASON = 'Vous recevez ce message car vous avez écrit dans la communauté d’osinum.'
export const EDITOR_REASON = 'Vous recevez ce message en tant qu’éditeur·rice sur osinum.'

/** New resources (digest), training registrations (email with the .ics), reports to moderate. */
export function resourcesConsumers(rt: Runtime): void {
  const { events } = rt

  events.on(ResourcesEvents.ResourcePublished, 'resource-published', async ({ trx: t, event }) => {
    const trx = t as Trx
    const d = event.data
    const { immediate } = await onNewContent(trx, rt, event, {
      kind: 'resource',
      title: d.title,
      summary: d.summary,
      link: rt.links.resource(d.slug),
      themes: d.themes,
      operatorId: d.operatorId,
    })
    if (immediate) rt.wakeEmail()
    const scope = d.operatorId
      ? { kind: 'operator' as const, operatorId: d.operatorId }
      : { kind: 'all' as const }
    if (await enqueueWebhooks(trx, event, scope)) rt.wakeWebhooks()
  })

  // SEQUENCE of events written before registrations carried theirs.
  const legacySequence: Record<RegistrationChange, number> = {
    registered: 0,
    waiting: 0,
    promoted: 1,
    updated: 1,
    cancelled: 2,
    'session-cancelled': 2,
  }
  for (const [contract, verb] of [
    [ResourcesEvents.RegistrationCreated, 'created'],
    [ResourcesEvents.RegistrationPromoted, 'promoted'],
    [ResourcesEvents.RegistrationCancelled, 'cancelled'],
    [ResourcesEvents.RegistrationUpdated, 'updated'],
  ] as const) {
    events.on(
      contract,
      `registration-${verb}`,
      async ({ trx: t, event, log }) => {
        const trx = t as Trx
        const d = event.data as EventData<typeof ResourcesEvents.RegistrationUpdated>
        const user = await knownUser(trx, d.userId)
        if (!user) return
        const change: RegistrationChange =
          verb === 'promoted'
            ? 'promoted'
            : verb === 'cancelled' || d.status === 'cancelled'
              ? d.cause === 'session-cancelled'
                ? 'session-cancelled'
                : 'cancelled'
              : verb === 'updated'
                ? 'updated'
                : d.status === 'waiting'
                  ? 'waiting'
                  : 'registered'
        const cancelled = change === 'cancelled' || change === 'session-cancelled'
        const waiting = d.status === 'waiting'
        // The visio link goes to people holding a seat only, never to the waiting list.
        const onlineUrl = waiting || cancelled ? null : (d.onlineUrl ?? null)
        const place = d.mode === 'online' ? null : (d.place ?? null)
        const link = rt.links.training(d.trainingSlug)
        let ics: string | undefined
        // The waiting list gets no invitation: a seat is not promised (the promotion sends it).
        if (!waiting)
          try {
            ics = buildIcs({
              uid: `${d.registrationId}@osinum`,
              sequence: d.sequence ?? legacySequence[change],
              method: cancelled ? 'CANCEL' : 'REQUEST',
              status: cancelled ? 'CANCELLED' : 'CONFIRMED',
              title: d.trainingTitle,
              description: [
                `Formation osinum : ${d.trainingTitle}`,
                onlineUrl ? `Lien de connexion : ${onlineUrl}` : '',
                place ? `Lieu : ${place}` : '',
                `Programme : ${link}`,
              ]
                .filter(Boolean)
                .join('\n\n'),
              location: onlineUrl ?? place,
              url: link,
              startsAt: d.startsAt,
              endsAt: d.endsAt,
              organizer: { name: 'osinum', email: rt.mailFromAddress },
              attendee: { name: user.display_name, email: user.email },
            })
          } catch (error) {
            if (!(error instanceof InvalidIcsDateError)) throw error
            log.warn({ eventId: event.id }, 'registration without valid dates: email sent without .ics')
          }
        await notifyUsers(trx, rt, {
          causeEventId: event.id,
          category: 'trainings',
          kind: `registration-${change}`,
          users: [user],
          content: () =>
            registration({
              change,
              waiting,
              changes: d.changes ?? [],
              trainingTitle: d.trainingTitle,
              startsAt: d.startsAt,
              endsAt: d.endsAt,
              mode: d.mode ?? null,
              place,
              onlineUrl,
              link,
              hasCalendar: ics !== undefined,
            }),
          reason: () => TRAININGS_REASON,
          attachments: ics
            ? [
                {
                  filename: cancelled ? 'annulation-formation.ics' : 'formation.ics',
                  contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
                  content: ics,
                },
              ]
            : undefined,
        })
      },
      WAITS_FOR_PROJECTION,
    )
  }

  events.on(
    ResourcesEvents.ContentHidden,
    'content-hidden',
    async ({ trx: t, event }) => {
      const trx = t as Trx
      const d = event.data
      const author = await knownUser(trx, d.authorId)
      if (!author) return
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'community',
        kind: 'content-hidden',
        users: [author],
        content: () =>
          contentHidden({
            contentType: d.contentType,
            title: d.title,
            ruleLabel: d.ruleLabel,
            note: d.note,
            link: rt.links.community(),
          }),
        reason: () => AUTHOR_REASON,
      })
    },
    WAITS_FOR_PROJECTION,
  )

  events.on(ResourcesEvents.ContentReported, 'content-reported', async ({ trx: t, event }) => {
    const trx = t as Trx
    const d = event.data
    await notifyUsers(trx, rt, {
      causeEventId: event.id,
      category: 'moderation',
      kind: 'content-reported',
      // Reported resources and posts carry no operator: every editor may act on them.
      users: await withRole(trx, 'editor', 'all'),
      content: () =>
        contentReported({
          contentType: d.contentType,
          title: d.title,
          reason: d.reason,
          link: rt.links.contentReports(),
        }),
      reason: () => EDITOR_REASON,
    })
    if (await enqueueWebhooks(trx, event, { kind: 'national' })) rt.wakeWebhooks()
  })
}
