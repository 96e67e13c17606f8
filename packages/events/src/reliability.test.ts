import { describeWithNats, infrastructure } from '@osinum/testing'
import { describe } from 'vitest'
import { transports } from './test/fixture.js'
import { reliabilitySuite } from './test/reliability-suite.js'

const infra = infrastructure()

describeWithNats('events over JetStream and PostgreSQL', () => {
  reliabilitySuite({ databaseUrl: infra.databaseUrl, transport: transports.nats(infra.natsUrl!) })
})

describe('events over the in-process bus and PGlite (embedded mode)', () => {
  reliabilitySuite({ databaseUrl: 'pglite://memory', transport: transports.memory() })
})
