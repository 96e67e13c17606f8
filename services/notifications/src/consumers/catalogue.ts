import { CatalogueEvents } from '@osinum/contracts'
import { CATEGORIES } from '../domain/categories.js'
import type { Trx } from '../domain/db.js'
import { onNewContent } from '../domain/digests.js'
import { contactMessage, de, reviewSubmitted } from '../domain/messages.js'
import { notify } from '../domain/notify.js'
import { channelsFor } from '../domain/preferences.js'
import {
  membersOf,
  organisation,
  ProjectionLagError,
  WAITS_FOR_PROJECTION,
  withRole,
} from '../domain/projection.js'
import { enqueueWebhooks } from '../domain/webhooks.js'
import { notifyUsers, type Runtime } from '../runtime.js'
import { EDITOR_REASON } from './resources.js'

export const contactReason = (organisationName: string) =>
  `Vous recevez ce message car vous êtes membre ${de(organisationName)}, qui utilise cet outil, et acceptez les mises en relation (${CATEGORIES.community.label.toLowerCase()}) sur osinum.`

/** New tools (digest), reviews to moderate, and relayed "contact a commune that uses this tool" messages. */
export function catalogueConsumers(rt: Runtime): void {
  const { events } = rt

  events.on(CatalogueEvents.ToolPublished, 'tool-published', async ({ trx: t, event }) => {
    const trx = t as Trx
    const d = event.data
    const { immediate } = await onNewContent(trx, rt, event, {
      kind: 'tool',
      title: d.name,
      summary: d.summary,
      link: rt.links.tool(d.slug),
      themes: d.themes,
      operatorId: null,
    })
    if (immediate) rt.wakeEmail()
    if (await enqueueWebhooks(trx, event, { kind: 'all' })) rt.wakeWebhooks()
  })

  events.on(CatalogueEvents.ReviewSubmitted, 'review-submitted', async ({ trx: t, event }) => {
    const trx = t as Trx
    const d = event.data
    const org = await organisation(trx, d.organisationId)
    // National editors, and those of the reviewing collectivité's operator.
    const editors = await withRole(trx, 'editor', org ? { operatorId: org.operator_id } : 'all')
    await notifyUsers(trx, rt, {
      causeEventId: event.id,
      category: 'moderation',
      kind: 'review-submitted',
      users: editors,
      content: () =>
        reviewSubmitted({
          toolName: d.toolName,
          organisationName: org?.name ?? 'Une collectivité',
          link: rt.links.review(d.reviewId),
        }),
      reason: () => EDITOR_REASON,
    })
    if (await enqueueWebhooks(trx, event, { kind: 'operator', operatorId: org?.operator_id ?? null }))
      rt.wakeWebhooks()
  })

  /**
   * Relayed to the members of the target collectivité who accept to be contacted (category
   * "community"), never exposing an address either way: the sender learns nothing about the
   * recipients; recipients see the sender collectivité's name and answer through the platform.
   */
  events.on(
    CatalogueEvents.ContactRequested,
    'contact-requested',
    async ({ trx: t, event }) => {
      const trx = t as Trx
      const d = event.data
      const to = await organisation(trx, d.toOrganisationId)
      if (!to) throw new ProjectionLagError(`organisation ${d.toOrganisationId} is not in the projection yet`)
      const members = (await membersOf(trx, d.toOrganisationId)).filter((u) => u.user_id !== d.fromUserId)
      const channels = await channelsFor(
        trx,
        members.map((m) => m.user_id),
        'community',
      )
      let queued = 0
      for (const member of members) {
        const id = await notify(trx, rt, {
          causeEventId: event.id,
          category: 'community',
          kind: 'contact-message',
          recipient: { userId: member.user_id, email: member.email, name: member.display_name },
          content: (notificationId) =>
            contactMessage({
              fromOrganisationName: d.fromOrganisationName,
              toolName: d.toolName,
              message: d.message,
              link: rt.links.notification(notificationId),
              reply: false,
            }),
          channels: channels.get(member.user_id)!,
          reason: contactReason(to.name),
          relay: {
            counterpartUserId: d.fromUserId,
            counterpartOrganisationId: d.fromOrganisationId,
            counterpartOrganisationName: d.fromOrganisationName,
            ownOrganisationId: d.toOrganisationId,
            toolName: d.toolName,
          },
        })
        if (id) queued++
      }
      if (queued) rt.wakeEmail()
    },
    WAITS_FOR_PROJECTION,
  )
}
