import { IdentityEvents } from '@osinum/contracts'
import type { Trx } from '../domain/db.js'
import {
  claimDecidedToClaimant,
  claimDecidedToReviewer,
  claimSubmittedToClaimant,
  claimSubmittedToReviewer,
  emailVerification,
  invitation,
  magicLink,
  passwordReset,
} from '../domain/messages.js'
import { notify } from '../domain/notify.js'
import {
  grantMembership,
  isErased,
  knownUser,
  revokeMembership,
  upsertOrganisation,
  upsertUser,
  usersByIds,
  WAITS_FOR_PROJECTION,
} from '../domain/projection.js'
import type { EmailContent } from '../domain/templates.js'
import { enqueueWebhooks } from '../domain/webhooks.js'
import { notifyUsers, type Runtime } from '../runtime.js'

const AUTH_REASON =
  'Vous recevez ce message car une action a été demandée sur osinum avec cette adresse e-mail. Ces messages ne peuvent pas être désactivés.'

/** The projection of identity, and the authentication emails (which go to an address, known person or not). */
export function identityConsumers(rt: Runtime): void {
  const { events } = rt
  events.on(IdentityEvents.UserRegistered, 'user-registered', async ({ trx, event }) => {
    await upsertUser(trx as Trx, event.data)
  })
  events.on(IdentityEvents.UserUpdated, 'user-updated', async ({ trx, event }) => {
    await upsertUser(trx as Trx, event.data)
  })
  events.on(IdentityEvents.OrganisationCreated, 'organisation-created', async ({ trx, event }) => {
    await upsertOrganisation(trx as Trx, event.data)
    if (await enqueueWebhooks(trx as Trx, event, { kind: 'operator', operatorId: event.data.operatorId }))
      rt.wakeWebhooks()
  })
  events.on(IdentityEvents.OrganisationUpdated, 'organisation-updated', async ({ trx, event }) => {
    await upsertOrganisation(trx as Trx, event.data)
    if (await enqueueWebhooks(trx as Trx, event, { kind: 'operator', operatorId: event.data.operatorId }))
      rt.wakeWebhooks()
  })
  events.on(IdentityEvents.MembershipGranted, 'membership-granted', async ({ trx, event }) => {
    await grantMembership(trx as Trx, event.data)
  })
  events.on(IdentityEvents.MembershipRevoked, 'membership-revoked', async ({ trx, event }) => {
    await revokeMembership(trx as Trx, event.data.organisationId, event.data.userId)
  })

  const authEmail = async (
    trx: Trx,
    causeEventId: string,
    kind: string,
    to: { userId: string | null; email: string },
    content: EmailContent,
  ) => {
    const [known] = to.userId ? await usersByIds(trx, [to.userId]) : []
    // Erased people leave the projection: only an unknown id needs the tombstone check.
    if (to.userId && !known && (await isErased(trx, to.userId))) return
    const id = await notify(trx, rt, {
      causeEventId,
      category: 'auth',
      kind,
      recipient: { userId: to.userId, email: to.email, name: known?.display_name ?? null },
      content,
      channels: { email: true, inApp: false },
      reason: AUTH_REASON,
    })
    if (id) rt.wakeEmail()
  }
  events.on(IdentityEvents.MagicLinkRequested, 'magic-link', async ({ trx, event }) => {
    const d = event.data
    await authEmail(trx as Trx, event.id, 'magic-link', d, magicLink(d))
  })
  events.on(IdentityEvents.PasswordResetRequested, 'password-reset', async ({ trx, event }) => {
    const d = event.data
    await authEmail(trx as Trx, event.id, 'password-reset', d, passwordReset(d))
  })
  events.on(IdentityEvents.EmailVerificationRequested, 'email-verification', async ({ trx, event }) => {
    const d = event.data
    await authEmail(trx as Trx, event.id, 'email-verification', d, emailVerification(d))
  })
  events.on(IdentityEvents.InvitationRequested, 'invitation', async ({ trx, event }) => {
    const d = event.data
    await authEmail(trx as Trx, event.id, 'invitation', { userId: null, email: d.email }, invitation(d))
  })

  // Claims to speak for a collectivité: the claimant (auth: cannot be turned off) and its reviewers.
  const claimParties = async (trx: Trx, userId: string, reviewerIds: string[]) => {
    const claimant = await knownUser(trx, userId)
    if (!claimant) return null
    const reviewers = await usersByIds(
      trx,
      reviewerIds.filter((id) => id !== userId),
    )
    return { claimant, reviewers }
  }
  const REVIEWER_REASON = (name: string) =>
    `Vous recevez ce message car vous vérifiez qui représente ${name} sur osinum (syndicat ou référent).`
  events.on(
    IdentityEvents.ClaimSubmitted,
    'claim-submitted',
    async ({ trx: t, event }) => {
      const trx = t as Trx
      const d = event.data
      const parties = await claimParties(trx, d.userId, d.reviewerIds)
      if (!parties) return
      const url = rt.links.claim(d.claimId)
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'auth',
        kind: 'claim-submitted',
        users: [parties.claimant],
        content: () => claimSubmittedToClaimant({ organisationName: d.organisationName, role: d.role, url }),
        reason: () => AUTH_REASON,
      })
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'moderation',
        kind: 'claim-to-review',
        users: parties.reviewers,
        content: () =>
          claimSubmittedToReviewer({
            organisationName: d.organisationName,
            role: d.role,
            competing: d.competing,
            url,
          }),
        reason: () => REVIEWER_REASON(d.organisationName),
      })
    },
    WAITS_FOR_PROJECTION,
  )
  events.on(
    IdentityEvents.ClaimDecided,
    'claim-decided',
    async ({ trx: t, event }) => {
      const trx = t as Trx
      const d = event.data
      const parties = await claimParties(
        trx,
        d.userId,
        d.reviewerIds.filter((id) => id !== d.decidedBy),
      )
      if (!parties) return
      const url = rt.links.claim(d.claimId)
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'auth',
        kind: 'claim-decided',
        users: [parties.claimant],
        content: () =>
          claimDecidedToClaimant({
            organisationName: d.organisationName,
            status: d.status,
            method: d.method,
            url: d.status === 'verified' ? rt.links.base : url,
          }),
        reason: () => AUTH_REASON,
      })
      await notifyUsers(trx, rt, {
        causeEventId: event.id,
        category: 'moderation',
        kind: 'claim-decided',
        users: parties.reviewers,
        content: () =>
          claimDecidedToReviewer({
            organisationName: d.organisationName,
            status: d.status,
            url,
          }),
        reason: () => REVIEWER_REASON(d.organisationName),
      })
    },
    WAITS_FOR_PROJECTION,
  )
}
