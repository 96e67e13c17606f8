import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import type { Host } from '@osinum/service-kit'
import { createTestHost, openTestDatabase, openTestTransport, testKeys } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import type { Db } from './domain/db.js'
import { resourcesService } from './service.js'

/** Fixed people and places of the tests. */
export const OP_A = '0193b000-0000-7000-8000-00000000000a'
export const OP_B = '0193b000-0000-7000-8000-00000000000b'
export const ORG_A = '0193b000-0000-7000-8000-0000000000a1'
export const ORG_B = '0193b000-0000-7000-8000-0000000000b1'
export const USERS = {
  nationalEditor: '0193b000-0000-7000-8000-000000000e00',
  editorA: '0193b000-0000-7000-8000-000000000ea0',
  editorB: '0193b000-0000-7000-8000-000000000eb0',
  advisorA: '0193b000-0000-7000-8000-000000000aa0',
  admin: '0193b000-0000-7000-8000-000000000ad0',
  memberA: '0193b000-0000-7000-8000-000000000ca0',
  memberA2: '0193b000-0000-7000-8000-000000000ca2',
  memberB: '0193b000-0000-7000-8000-000000000cb0',
  outsider: '0193b000-0000-7000-8000-000000000000',
} as const

export interface TestService {
  host: Host
  db: Db
  schema: string
  keys: Awaited<ReturnType<typeof testKeys>>
  /** Bearer header of one of the USERS (roles, operator and memberships as their name says). */
  auth(who: keyof typeof USERS): Promise<{ authorization: string }>
  /** Bearer header of any person (e.g. the 20 concurrent registrants). */
  authAs(
    sub: string,
    claims?: Parameters<Awaited<ReturnType<typeof testKeys>>['token']>[0],
  ): Promise<{
    authorization: string
  }>
  close(): Promise<void>
}

/** A resources service on the test database and bus, in its own schema and event namespace. */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const database: DatabaseHandle = openTestDatabase()
  const transport: EventTransport = await openTestTransport()
  const keys = await testKeys()
  const schema = uniqueName('resources')
  const host = await createTestHost({
    modules: [resourcesService],
    schemas: { resources: schema },
    database,
    transport,
    env: { EVENTS_NAMESPACE: uniqueName('t'), PUBLIC_URL: 'https://osinum.test', ...env },
    getKey: keys.getKey,
  })
  const db = host.services.get('resources')!.deps.db as Db
  const claimsOf = (who: keyof typeof USERS) => {
    const sub = USERS[who]
    switch (who) {
      case 'nationalEditor':
        return { sub, roles: ['editor' as const], op: null }
      case 'editorA':
        return { sub, roles: ['editor' as const], op: OP_A }
      case 'editorB':
        return { sub, roles: ['editor' as const], op: OP_B }
      case 'advisorA':
        return { sub, roles: ['advisor' as const], op: OP_A }
      case 'admin':
        return { sub, roles: ['admin' as const] }
      case 'memberA':
      case 'memberA2':
        return { sub, orgs: [{ id: ORG_A, role: 'elected' as const, ref: true }] }
      case 'memberB':
        return { sub, orgs: [{ id: ORG_B, role: 'agent' as const }] }
      default:
        return { sub }
    }
  }
  return {
    host,
    db,
    schema,
    keys,
    auth: async (who) => ({ authorization: `Bearer ${await keys.token(claimsOf(who))}` }),
    authAs: async (sub, claims) => ({ authorization: `Bearer ${await keys.token({ ...claims, sub })}` }),
    close: async () => {
      await host?.close()
      await transport?.close()
      await database?.close()
    },
  }
}

/** The two test collectivités, as identity would announce them (A in operator A, B in operator B). */
export async function seedOrganisations(db: Db) {
  await db
    .insertInto('organisations')
    .values([
      { id: ORG_A, name: 'Commune A', operator_id: OP_A },
      { id: ORG_B, name: 'Commune B', operator_id: OP_B },
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

export const draft = (over: Record<string, unknown> = {}) => ({
  type: 'guide',
  title: 'Sauvegarder les données de la mairie',
  summary: 'Trois copies, deux supports, une hors site.',
  body: '## Pourquoi\n\nLes **sauvegardes** protègent des rançongiciels.',
  themes: ['data-storage', 'security'],
  audience: ['agent'],
  level: 'beginner',
  licence: 'CC BY-SA 4.0',
  ...over,
})
