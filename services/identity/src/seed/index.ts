import { DEMO, IdentityEvents, type PlatformRole } from '@osinum/contracts'
import { recordEvent } from '@osinum/events'
import type { CommandContext } from '@osinum/service-kit'
import type { Kysely } from 'kysely'
import { keyStoreFor } from '../app.js'
import type { IdentityConfig } from '../config.js'
import { loadActor } from '../domain/actor.js'
import { assignAdvisor } from '../domain/assignments.js'
import { claimOrganisation, decideClaim } from '../domain/claims.js'
import type { Ctx } from '../domain/context.js'
import { type Database, json } from '../domain/db.js'
import { createOperator } from '../domain/operators.js'
import { grantMembership, setConsent } from '../domain/organisations.js'
import { hashPassword } from '../domain/passwords.js'
import { createUser, userSnapshot } from '../domain/users.js'

/**
 * The embedded demo: one operator covering Corrèze, Creuse and Haute-Vienne; an admin, an
 * editor, an advisor (the operator's coordinator) and two real small communes of the Creuse —
 * Alleyrat (23003, under 500 inhabitants) and Anzême (23004, 500–999), each claimed by its mayor
 * and verified by the operator's coordinator. Every account has the password DEMO.password.
 * Idempotent: what exists is left alone (a demo commune still pending is verified). Written
 * through the same use-cases as the API, so the same events leave through the outbox.
 */
export const DEMO_COMMUNES = {
  communeA: { code: '23003', name: 'Alleyrat' },
  communeB: { code: '23004', name: 'Anzême' },
} as const
export const DEMO_DEPARTEMENTS = ['19', '23', '87']

const PEOPLE: Array<{
  id: string
  email: string
  displayName: string
  jobTitle: string
  roles: PlatformRole[]
}> = [
  { ...DEMO.admin, displayName: 'Alice Admin', jobTitle: 'Administratrice de l’instance', roles: ['admin'] },
  { ...DEMO.editor, displayName: 'Élise Éditrice', jobTitle: 'Éditrice du catalogue', roles: ['editor'] },
  { ...DEMO.advisor, displayName: 'Constant Conseiller', jobTitle: 'Conseiller numérique', roles: [] },
  { ...DEMO.communeA.elected, displayName: 'Marie Maire', jobTitle: 'Maire', roles: [] },
  { ...DEMO.communeA.agent, displayName: 'Sacha Secrétaire', jobTitle: 'Secrétaire de mairie', roles: [] },
  { ...DEMO.communeB.elected, displayName: 'Bernard Maire', jobTitle: 'Maire', roles: [] },
]

export async function seed(deps: CommandContext<IdentityConfig>): Promise<void> {
  const db = deps.db as Kysely<Database>
  const log = {
    info: () => {},
    warn: () => {},
    error: (obj: object, msg?: string) => deps.log(`${msg} ${JSON.stringify(obj)}`),
  }
  const ctx: Ctx = { db, config: deps.config, keys: keyStoreFor(deps), log }

  const existing = new Set(
    (
      await db
        .selectFrom('users')
        .select('id')
        .where(
          'id',
          'in',
          PEOPLE.map((p) => p.id),
        )
        .execute()
    ).map((u) => u.id),
  )
  const missing = PEOPLE.filter((p) => !existing.has(p.id))
  if (missing.length) {
    const hash = await hashPassword(DEMO.password)
    await db.transaction().execute(async (trx) => {
      for (const p of missing) {
        const user = await createUser(trx, {
          id: p.id,
          email: p.email,
          displayName: p.displayName,
          verified: true,
        })
        const updated = await trx
          .updateTable('users')
          .set({
            password_hash: hash,
            password_changed_at: new Date(),
            job_title: p.jobTitle,
            platform_roles: json(p.roles),
          })
          .where('id', '=', user.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        if (p.roles.length) await recordEvent(trx, IdentityEvents.UserUpdated, user.id, userSnapshot(updated))
      }
    })
  }
  const admin = await loadActor(db, { userId: DEMO.admin.id, sessionId: null })

  const operator = await db
    .selectFrom('operators')
    .select('id')
    .where('id', '=', DEMO.operator.id)
    .executeTakeFirst()
  if (!operator)
    await createOperator(
      ctx,
      admin,
      {
        name: DEMO.operator.name,
        displayName: 'Numérique Limousin (démo)',
        departements: DEMO_DEPARTEMENTS,
        primaryColor: '#1d4ed8',
        website: 'https://demo.osinum.example',
        coordinatorId: DEMO.advisor.id,
      },
      { id: DEMO.operator.id },
    )

  for (const key of ['communeA', 'communeB'] as const) {
    const demo = DEMO[key]
    const found = await db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', demo.id)
      .executeTakeFirst()
    if (!found) {
      const mayor = await loadActor(db, { userId: demo.elected.id, sessionId: null })
      await claimOrganisation(
        ctx,
        mayor,
        { kind: 'commune', officialCode: DEMO_COMMUNES[key].code, role: 'elected' },
        { id: demo.id },
      )
    }
    // The syndicate's coordinator confirms the mayor's claim: the demo communes are verified.
    const pending = await db
      .selectFrom('membership_claims')
      .select('id')
      .where('organisation_id', '=', demo.id)
      .where('user_id', '=', demo.elected.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (pending)
      await decideClaim(ctx, await loadActor(db, { userId: DEMO.advisor.id, sessionId: null }), pending.id, {
        decision: 'verify',
      })
    if ('agent' in demo) {
      const member = await db
        .selectFrom('memberships')
        .select('user_id')
        .where('organisation_id', '=', demo.id)
        .where('user_id', '=', demo.agent.id)
        .executeTakeFirst()
      if (!member)
        await db.transaction().execute((trx) =>
          grantMembership(trx, demo.elected.id, {
            organisationId: demo.id,
            userId: demo.agent.id,
            role: 'agent',
            referent: false,
          }),
        )
    }
    const assigned = await db
      .selectFrom('advisor_assignments')
      .select('id')
      .where('organisation_id', '=', demo.id)
      .where('advisor_id', '=', DEMO.advisor.id)
      .executeTakeFirst()
    if (!assigned) await assignAdvisor(ctx, admin, { organisationId: demo.id, advisorId: DEMO.advisor.id })
  }

  const referentA = await loadActor(db, { userId: DEMO.communeA.elected.id, sessionId: null })
  const communeA = await db
    .selectFrom('organisations')
    .select('advisor_consent_at')
    .where('id', '=', DEMO.communeA.id)
    .executeTakeFirstOrThrow()
  if (!communeA.advisor_consent_at && !existing.has(DEMO.communeA.elected.id))
    await setConsent(ctx, referentA, DEMO.communeA.id, true)
}
