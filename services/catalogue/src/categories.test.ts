import { CATEGORY_IDS } from '@osinum/contracts'
import type { DatabaseHandle } from '@osinum/db'
import type { EventTransport } from '@osinum/events'
import type { Host } from '@osinum/service-kit'
import { createTestHost, openTestDatabase, openTestTransport } from '@osinum/service-kit/testing'
import { uniqueName } from '@osinum/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogueService } from './service.js'

describe('catalogue taxonomy', () => {
  let database: DatabaseHandle
  let transport: EventTransport
  let host: Host
  beforeAll(async () => {
    database = openTestDatabase()
    transport = await openTestTransport()
    host = await createTestHost({
      modules: [catalogueService],
      schemas: { catalogue: uniqueName('catalogue') },
      database,
      transport,
      env: { EVENTS_NAMESPACE: uniqueName('t') },
    })
  })
  afterAll(async () => {
    await host?.close()
    await transport?.close()
    await database?.close()
  })

  it('lists every category with its French label, without authentication', async () => {
    const res = await host.app.inject({ method: 'GET', url: '/v1/categories' })
    expect(res.statusCode).toBe(200)
    const body = res.json() as Array<{ id: string; label: string }>
    expect(body.map((c) => c.id)).toEqual(CATEGORY_IDS)
    expect(body.find((c) => c.id === 'videoconference')?.label).toBe('Visioconférence')
  })
})
