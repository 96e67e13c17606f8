import { IdentityEvents, type MembershipRole, PAGES } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import { Forbidden, NotFound } from '@osinum/service-kit'
import { v7 as uuidv7 } from 'uuid'
import type { Actor } from './actor.js'
import { audit } from './audit.js'
import { verifyClaimByInvitation } from './claims.js'
import type { Ctx, RequestMeta } from './context.js'
import { normaliseEmail, randomToken, sha256 } from './crypto.js'
import type { Invitation } from './db.js'
import { AlreadyMember, InvalidInvitation, NotVerified } from './errors.js'
import { grantMembership, visibleOrganisation } from './organisations.js'
import { issue, startSession, type TokenPair } from './tokens.js'
import { createUser, findUserByEmail } from './users.js'

function invitationUrl(ctx: Ctx, token: string): string {
  const url = new URL(
    ctx.config.INVITATION_URL ?? `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}${PAGES.invitation}`,
  )
  url.searchParams.set('token', token)
  return url.toString()
}

/**
 * A referent (or an admin) invites someone by email; the link works once, for 7 days. Only a
 * verified collectivité invites: an invitation vouches for the invitee (it verifies their claim).
 */
export async function createInvitation(
  ctx: Ctx,
  actor: Actor,
  input: { organisationId: string; email: string; role: MembershipRole },
): Promise<Invitation> {
  const org = await visibleOrganisation(ctx.db, actor, input.organisationId)
  if (org.verification !== 'verified')
    throw new NotVerified('its syndicate must confirm who speaks for it before it can invite anyone')
  if (!actor.administers(org.operator_id) && !actor.memberships.get(org.id)?.referent) throw new Forbidden()
  const email = normaliseEmail(input.email)
  const invitee = await findUserByEmail(ctx.db, email)
  if (invitee) {
    const member = await ctx.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', org.id)
      .where('user_id', '=', invitee.id)
      .executeTakeFirst()
    if (member) throw new AlreadyMember()
  }
  const token = randomToken('osi')
  const expiresAt = new Date(Date.now() + ctx.config.INVITATION_TTL_SECONDS * 1000)
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .insertInto('invitations')
      .values({
        id: uuidv7(),
        token_hash: sha256(token),
        organisation_id: org.id,
        email,
        role: input.role,
        invited_by: actor.user.id,
        expires_at: expiresAt,
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordEvent(trx, IdentityEvents.InvitationRequested, invitation.id, {
      invitationId: invitation.id,
      email,
      organisationId: org.id,
      organisationName: org.name,
      invitedBy: actor.user.display_name ?? actor.user.email,
      role: input.role,
      url: invitationUrl(ctx, token),
      expiresAt: expiresAt.toISOString(),
    })
    await audit(trx, {
      actorId: actor.user.id,
      action: 'invitation.created',
      targetType: 'organisation',
      targetId: org.id,
      data: { invitationId: invitation.id, role: input.role },
    })
    return invitation
  })
}

/**
 * Accepting an invitation: the link was sent to the invited address, so it proves the person
 * owns it. They get an account if they had none, the membership, and a session.
 */
export async function acceptInvitation(
  ctx: Ctx,
  token: string,
  meta: RequestMeta,
): Promise<TokenPair & { organisationId: string }> {
  const { pending, organisationId } = await ctx.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .updateTable('invitations')
      .set({ accepted_at: new Date() })
      .where('token_hash', '=', sha256(token))
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returningAll()
      .executeTakeFirst()
    if (!invitation?.email) throw new InvalidInvitation()
    let user = await findUserByEmail(trx, invitation.email)
    if (!user) user = await createUser(trx, { email: invitation.email, verified: true })
    else if (!user.email_verified_at)
      user = await trx
        .updateTable('users')
        .set({ email_verified_at: new Date() })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    await trx
      .updateTable('invitations')
      .set({ accepted_by: user.id })
      .where('id', '=', invitation.id)
      .execute()
    const existing = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', invitation.organisation_id)
      .where('user_id', '=', user.id)
      .executeTakeFirst()
    if (!existing)
      await grantMembership(trx, invitation.invited_by, {
        organisationId: invitation.organisation_id,
        userId: user.id,
        role: invitation.role,
        referent: false,
      })
    await verifyClaimByInvitation(
      trx,
      user.id,
      invitation.organisation_id,
      invitation.invited_by,
      invitation.role,
    )
    const pending = await startSession(ctx, trx, user, 'invitation', meta)
    return { pending, organisationId: invitation.organisation_id }
  })
  return { ...(await issue(ctx, pending)), organisationId }
}

async function managedInvitation(ctx: Ctx, actor: Actor, organisationId: string): Promise<void> {
  const org = await visibleOrganisation(ctx.db, actor, organisationId)
  if (!actor.administers(org.operator_id) && !actor.memberships.get(organisationId)?.referent)
    throw new Forbidden()
}

export async function listInvitations(
  ctx: Ctx,
  actor: Actor,
  f: { organisationId: string; limit: number; offset: number },
) {
  await managedInvitation(ctx, actor, f.organisationId)
  const q = ctx.db.selectFrom('invitations').where('organisation_id', '=', f.organisationId)
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(count.n) }
}

export async function revokeInvitation(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const invitation = await ctx.db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!invitation) throw new NotFound('Invitation')
  await managedInvitation(ctx, actor, invitation.organisation_id)
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('invitations')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute()
    await audit(trx, {
      actorId: actor.user.id,
      action: 'invitation.revoked',
      targetType: 'organisation',
      targetId: invitation.organisation_id,
      data: { invitationId: id },
    })
  })
}

export function invitationStatus(i: Invitation): 'pending' | 'accepted' | 'revoked' | 'expired' {
  if (i.accepted_at) return 'accepted'
  if (i.revoked_at) return 'revoked'
  if (i.expires_at <= new Date()) return 'expired'
  return 'pending'
}
