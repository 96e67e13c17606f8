import { IdentityEvents } from '@osinum/contracts'
import type { ServiceEvents } from '@osinum/events'
import type { Trx } from './domain/db.js'
import { projectOperator, projectOrganisation } from './domain/operators.js'
import type { SearchIndex } from './domain/search.js'

/**
 * What the catalogue consumes from identity: collectivités and operators (local projection for
 * "used by" figures and "proposé par votre syndicat"). Erasure: domain/personal-data.ts.
 */
export function registerConsumers(events: ServiceEvents, index: SearchIndex): void {
  const fresh = () => index.markStale()
  events.on(IdentityEvents.OrganisationCreated, 'organisation-created', async ({ trx, event }) => {
    await projectOrganisation(trx as Trx, event.data, event.time)
    fresh()
  })
  events.on(IdentityEvents.OrganisationUpdated, 'organisation-updated', async ({ trx, event }) => {
    await projectOrganisation(trx as Trx, event.data, event.time)
    fresh()
  })
  events.on(IdentityEvents.OperatorCreated, 'operator-created', async ({ trx, event }) => {
    await projectOperator(trx as Trx, event.data, event.time)
    fresh()
  })
  events.on(IdentityEvents.OperatorUpdated, 'operator-updated', async ({ trx, event }) => {
    await projectOperator(trx as Trx, event.data, event.time)
    fresh()
  })
}
