import { IdentityEvents, type ServiceName } from '@osinum/contracts'
import { recordEvent, type ServiceEvents } from '@osinum/events'
import { EXPORTING_SERVICES, forgetPerson, PERSONAL_DATA_EXPORT } from '@osinum/service-kit'
import { sql } from 'kysely'
import type { Actor } from './actor.js'
import { removeAssignment } from './assignments.js'
import { audit } from './audit.js'
import type { Ctx, RequestMeta } from './context.js'
import { type Db, json, type User } from './db.js'
import { ExportUnavailable } from './errors.js'
import { operatorSnapshot } from './operators.js'
import { grantMembership, revokeMembership } from './organisations.js'
import { recordRevocation } from './revocations.js'

/** Everything identity holds about a person (GDPR art. 15/20), as JSON. */
export async function exportUser(db: Db, user: User) {
  const [
    memberships,
    sessions,
    identities,
    invitationsSent,
    invitationsReceived,
    assignments,
    coordinated,
    audit,
    claims,
  ] = await Promise.all([
    db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select([
        'memberships.organisation_id',
        'organisations.name as organisation_name',
        'memberships.role',
        'memberships.referent',
        'memberships.created_at',
      ])
      .where('memberships.user_id', '=', user.id)
      .execute(),
    db
      .selectFrom('sessions')
      .select([
        'id',
        'method',
        'user_agent',
        'ip',
        'created_at',
        'last_used_at',
        'expires_at',
        'revoked_at',
        'revoked_reason',
      ])
      .where('user_id', '=', user.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('user_identities')
      .select(['issuer', 'subject', 'siret', 'created_at'])
      .where('user_id', '=', user.id)
      .execute(),
    db
      .selectFrom('invitations')
      .select([
        'id',
        'organisation_id',
        'email',
        'role',
        'created_at',
        'expires_at',
        'accepted_at',
        'revoked_at',
      ])
      .where('invited_by', '=', user.id)
      .execute(),
    db
      .selectFrom('invitations')
      .select(['id', 'organisation_id', 'role', 'created_at', 'accepted_at'])
      .where((eb) => eb.or([eb('email', '=', user.email), eb('accepted_by', '=', user.id)]))
      .execute(),
    db
      .selectFrom('advisor_assignments')
      .select(['id', 'organisation_id', 'operator_id', 'created_at'])
      .where('advisor_id', '=', user.id)
      .execute(),
    db.selectFrom('operators').select(['id', 'name']).where('coordinator_id', '=', user.id).execute(),
    db
      .selectFrom('audit_log')
      .select(['at', 'action', 'target_type', 'target_id', 'ip', 'data'])
      .where('actor_id', '=', user.id)
      .orderBy('at')
      .limit(10_000)
      .execute(),
    db
      .selectFrom('membership_claims')
      .innerJoin('organisations', 'organisations.id', 'membership_claims.organisation_id')
      .select([
        'membership_claims.id',
        'membership_claims.organisation_id',
        'organisations.name as organisation_name',
        'membership_claims.role',
        'membership_claims.status',
        'membership_claims.method',
        'membership_claims.reason',
        'membership_claims.created_at',
        'membership_claims.decided_at',
      ])
      .where('membership_claims.user_id', '=', user.id)
      .orderBy('membership_claims.created_at')
      .execute(),
  ])
  return {
    exportedAt: new Date().toISOString(),
    user: {
      id: user.id,
      email: user.email,
      emailVerifiedAt: user.email_verified_at?.toISOString() ?? null,
      displayName: user.display_name,
      jobTitle: user.job_title,
      hasPassword: Boolean(user.password_hash),
      passwordChangedAt: user.password_changed_at?.toISOString() ?? null,
      platformRoles: user.platform_roles,
      operatorId: user.operator_id,
      lastLoginAt: user.last_login_at?.toISOString() ?? null,
      createdAt: user.created_at.toISOString(),
      updatedAt: user.updated_at.toISOString(),
    },
    memberships,
    membershipClaims: claims,
    sessions,
    externalIdentities: identities,
    invitationsSent,
    invitationsReceived,
    advisorAssignments: assignments,
    operatorsCoordinated: coordinated,
    auditLog: audit,
  }
}

/** How long identity waits for each service's part of an export. */
export const EXPORT_TIMEOUT_MS = 10_000

/**
 * The whole export (GDPR art. 15/20): identity's part and every other service's, asked at once
 * over request-reply (core NATS or in process: the answers are never stored). One missing part
 * fails the whole export (503): an incomplete archive would look complete.
 */
export async function exportEverywhere(db: Db, events: ServiceEvents, user: User) {
  const parts = await Promise.all(
    EXPORTING_SERVICES.map((service) =>
      events
        .request<Record<string, unknown>>(
          service,
          PERSONAL_DATA_EXPORT,
          { userId: user.id },
          EXPORT_TIMEOUT_MS,
        )
        .then(
          (data) => ({ service, data }),
          (error: unknown) => ({ service, error: error as Error }),
        ),
    ),
  )
  const missing = parts.filter((p) => 'error' in p)
  if (missing.length)
    throw new ExportUnavailable(missing.map((p) => p.service).join(', '), {
      cause: missing.map((p) => ('error' in p ? p.error : undefined)),
    })
  const identity = await exportUser(db, user)
  return {
    format: 'osinum-personal-data/1',
    exportedAt: identity.exportedAt,
    userId: user.id,
    identity,
    ...(Object.fromEntries(parts.map((p) => [p.service, 'data' in p ? p.data : null])) as Record<
      Exclude<ServiceName, 'identity'>,
      Record<string, unknown>
    >),
  }
}

/** Every name identity has announced for the person (its outbox keeps a week of UserUpdated). */
async function namesOf(trx: Db, user: User): Promise<string[]> {
  const rows = await trx
    .selectFrom('outbox')
    .select(sql<string | null>`envelope->'data'->>'displayName'`.as('name'))
    .where('aggregate_id', '=', user.id)
    .where('subject', 'in', [IdentityEvents.UserRegistered.subject, IdentityEvents.UserUpdated.subject])
    .execute()
  return [...new Set([user.display_name, ...rows.map((r) => r.name)].filter((n): n is string => Boolean(n)))]
}

/**
 * Erasure (GDPR art. 17): every personal field identity holds is removed or anonymised, sessions
 * end, memberships and assignments are revoked (with their events), and UserErased tells every
 * other service to erase its side. The row stays, emptied, so that ids elsewhere dangle safely.
 */
export async function eraseUser(
  ctx: Ctx,
  actor: Actor | null,
  user: User,
  meta: RequestMeta,
  /** Identity's schema, swept of the person's email and names. */
  schema: string,
): Promise<void> {
  const actorId = actor?.user.id ?? user.id
  await ctx.db.transaction().execute(async (trx) => {
    const person = {
      userId: user.id,
      emails: user.email ? [user.email.toLowerCase()] : [],
      names: await namesOf(trx, user),
    }
    const memberships = await trx
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute()
    for (const m of memberships) {
      await revokeMembership(trx, actorId, m.organisation_id, user.id)
      if (m.referent) {
        // A collectivité keeps a referent: its oldest remaining member becomes one.
        const referents = await trx
          .selectFrom('memberships')
          .select('user_id')
          .where('organisation_id', '=', m.organisation_id)
          .where('referent', '=', true)
          .executeTakeFirst()
        const next = referents
          ? undefined
          : await trx
              .selectFrom('memberships')
              .selectAll()
              .where('organisation_id', '=', m.organisation_id)
              .orderBy('created_at')
              .executeTakeFirst()
        if (next)
          await grantMembership(trx, actorId, {
            organisationId: next.organisation_id,
            userId: next.user_id,
            role: next.role,
            referent: true,
          })
      }
    }
    const assignments = await trx
      .selectFrom('advisor_assignments')
      .selectAll()
      .where('advisor_id', '=', user.id)
      .execute()
    for (const a of assignments) await removeAssignment(trx, actorId, a)
    const coordinated = await trx
      .updateTable('operators')
      .set({ coordinator_id: null, updated_at: new Date() })
      .where('coordinator_id', '=', user.id)
      .returningAll()
      .execute()
    for (const op of coordinated)
      await recordEvent(trx, IdentityEvents.OperatorUpdated, op.id, operatorSnapshot(op))

    // Sessions end and lose where they came from; tokens and links die.
    await trx
      .updateTable('sessions')
      .set({ user_agent: null, ip: null })
      .where('user_id', '=', user.id)
      .execute()
    await trx
      .updateTable('sessions')
      .set({ revoked_at: new Date(), revoked_reason: 'erased' })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute()
    await trx
      .deleteFrom('refresh_tokens')
      .where('session_id', 'in', (eb) =>
        eb.selectFrom('sessions').select('id').where('user_id', '=', user.id),
      )
      .execute()
    await trx.deleteFrom('one_time_tokens').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('user_identities').where('user_id', '=', user.id).execute()
    // Her pending claims are withdrawn; decided ones stay (who verified a collectivité, by id only).
    await trx
      .deleteFrom('membership_claims')
      .where('user_id', '=', user.id)
      .where('status', '=', 'pending')
      .execute()
    // Invitations she sent carry her name in their (published) events.
    await trx
      .deleteFrom('outbox')
      .where('published_at', 'is not', null)
      .where('aggregate_id', 'in', (eb) =>
        eb.selectFrom('invitations').select(sql<string>`id::text`.as('id')).where('invited_by', '=', user.id),
      )
      .execute()
    if (user.email)
      await trx
        .deleteFrom('invitations')
        .where('email', '=', user.email)
        .where('accepted_at', 'is', null)
        .execute()
    await trx.updateTable('invitations').set({ email: null }).where('accepted_by', '=', user.id).execute()
    await trx.updateTable('invitations').set({ invited_by: null }).where('invited_by', '=', user.id).execute()
    await trx
      .updateTable('organisations')
      .set({ advisor_consent_by: null })
      .where('advisor_consent_by', '=', user.id)
      .execute()
    await trx
      .updateTable('organisations')
      .set({ created_by: null })
      .where('created_by', '=', user.id)
      .execute()
    await trx.updateTable('audit_log').set({ ip: null }).where('actor_id', '=', user.id).execute()
    // Published events about the person leave the outbox now rather than at the end of its
    // retention; unpublished ones stay, since they must still reach the other services.
    await trx
      .deleteFrom('outbox')
      .where('published_at', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('aggregate_id', '=', user.id),
          eb(sql<string>`envelope->'data'->>'userId'`, '=', user.id),
          ...(user.email ? [eb(sql<string>`envelope->'data'->>'email'`, '=', user.email)] : []),
        ]),
      )
      .execute()
    await trx
      .updateTable('users')
      .set({
        email: null,
        email_verified_at: null,
        display_name: null,
        job_title: null,
        password_hash: null,
        password_changed_at: null,
        platform_roles: json([]),
        operator_id: null,
        status: 'erased',
        last_login_at: null,
        erased_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', user.id)
      .execute()
    // Whatever still holds her email or name (audit entries, outbox payloads, dead letters): swept.
    // `users` holds everyone's names, a namesake's included: hers was emptied above.
    await forgetPerson(trx, schema, person, { identityTables: ['users'] })
    await recordEvent(trx, IdentityEvents.UserErased, user.id, { userId: user.id })
    await recordRevocation(trx, {
      userId: user.id,
      issuedBefore: new Date(),
      forever: true,
      reason: 'user-erased',
    })
    await audit(trx, {
      actorId: actor && actor.user.id !== user.id ? actor.user.id : null,
      action: 'user.erased',
      targetType: 'user',
      targetId: user.id,
      ip: actor && actor.user.id !== user.id ? meta.ip : null,
    })
  })
}
