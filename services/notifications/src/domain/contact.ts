import { defineError, Forbidden, type Principal } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import type { Trx } from './db.js'
import { ownNotification } from './inbox.js'
import { links } from './links.js'
import { contactMessage } from './messages.js'
import { type NotifyRuntime, notify } from './notify.js'
import { channelsFor } from './preferences.js'
import { organisation, usersByIds } from './projection.js'

export const NotReplyable = defineError(
  'OSI_NOTIFICATIONS_NOT_REPLYABLE',
  'Only relayed contact messages can be answered',
  409,
)

/**
 * Answers a relayed contact message: the answer is relayed the same way (in-app, and email when
 * the counterpart accepts it), under the name of the replier's collectivité, never their address.
 * The caller learns nothing about the counterpart (not even whether they still exist).
 */
export async function replyToContact(
  trx: Trx,
  rt: NotifyRuntime,
  principal: Principal,
  notificationId: string,
  message: string,
): Promise<void> {
  const n = await ownNotification(trx, principal.userId, notificationId)
  const relay = n.relay
  if (!relay) throw new NotReplyable()
  if (relay.ownOrganisationId) {
    // One answers in the name of a collectivité only while being one of its members.
    const member = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', relay.ownOrganisationId)
      .where('user_id', '=', principal.userId)
      .executeTakeFirst()
    if (!member && !principal.isMemberOf(relay.ownOrganisationId)) throw new Forbidden()
  }
  const [counterpart] = await usersByIds(trx, [relay.counterpartUserId])
  if (!counterpart) return
  const own = relay.ownOrganisationId ? await organisation(trx, relay.ownOrganisationId) : undefined
  const ownName = own?.name ?? 'Une collectivité'
  const channels = (await channelsFor(trx, [counterpart.user_id], 'community')).get(counterpart.user_id)!
  await notify(trx, rt, {
    causeEventId: uuidv7(),
    category: 'community',
    kind: 'contact-reply',
    recipient: { userId: counterpart.user_id, email: counterpart.email, name: counterpart.display_name },
    content: (id) =>
      contactMessage({
        fromOrganisationName: ownName,
        toolName: relay.toolName,
        message,
        link: links(rt.publicUrl).notification(id),
        reply: true,
      }),
    // They started the conversation: the answer always reaches their inbox.
    channels: { email: channels.email, inApp: true },
    reason: 'Vous recevez ce message car vous avez contacté une collectivité via osinum.',
    relay: {
      counterpartUserId: principal.userId,
      counterpartOrganisationId: relay.ownOrganisationId,
      counterpartOrganisationName: ownName,
      ownOrganisationId: relay.counterpartOrganisationId,
      toolName: relay.toolName,
    },
  })
}
