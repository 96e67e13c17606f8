import { CatalogueEvents, IdentityEvents, ResourcesEvents } from '@osinum/contracts'
import type { ServiceDeps } from '@osinum/service-kit'
import type { Transaction } from 'kysely'
import type { Database } from './domain/db.js'
import {
  applyAssignment,
  applyConsent,
  applyMembership,
  applyOperator,
  applyOperatorOffer,
  applyOrganisation,
  applyResource,
  applyTool,
  applyUser,
} from './domain/projections.js'

/** The local projections this service keeps from identity, catalogue and resources events. */
export function registerConsumers(deps: ServiceDeps): void {
  const { events } = deps
  const t = (trx: Transaction<any>) => trx as Transaction<Database>
  events.on(IdentityEvents.OrganisationCreated, 'organisation-created', ({ trx, event }) =>
    applyOrganisation(t(trx), event.data, event.id),
  )
  events.on(IdentityEvents.OrganisationUpdated, 'organisation-updated', ({ trx, event }) =>
    applyOrganisation(t(trx), event.data, event.id),
  )
  events.on(IdentityEvents.OperatorCreated, 'operator-created', ({ trx, event }) =>
    applyOperator(t(trx), event.data, event.id),
  )
  events.on(IdentityEvents.OperatorUpdated, 'operator-updated', ({ trx, event }) =>
    applyOperator(t(trx), event.data, event.id),
  )
  events.on(IdentityEvents.UserRegistered, 'user-registered', ({ trx, event }) =>
    applyUser(t(trx), event.data, event.id),
  )
  events.on(IdentityEvents.UserUpdated, 'user-updated', ({ trx, event }) =>
    applyUser(t(trx), event.data, event.id),
  )
  events.on(IdentityEvents.MembershipGranted, 'membership-granted', ({ trx, event }) =>
    applyMembership(t(trx), event.data, true, event.id),
  )
  events.on(IdentityEvents.MembershipRevoked, 'membership-revoked', ({ trx, event }) =>
    applyMembership(t(trx), event.data, false, event.id),
  )
  events.on(IdentityEvents.AdvisorAssigned, 'advisor-assigned', ({ trx, event }) =>
    applyAssignment(t(trx), event.data, true, event.id),
  )
  events.on(IdentityEvents.AdvisorUnassigned, 'advisor-unassigned', ({ trx, event }) =>
    applyAssignment(t(trx), event.data, false, event.id),
  )
  events.on(IdentityEvents.ConsentGranted, 'consent-granted', ({ trx, event }) =>
    applyConsent(t(trx), event.data, true, event.id),
  )
  events.on(IdentityEvents.ConsentRevoked, 'consent-revoked', ({ trx, event }) =>
    applyConsent(t(trx), event.data, false, event.id),
  )
  events.on(CatalogueEvents.ToolPublished, 'tool-published', ({ trx, event }) =>
    applyTool(t(trx), event.data, event.id),
  )
  events.on(CatalogueEvents.ToolUpdated, 'tool-updated', ({ trx, event }) =>
    applyTool(t(trx), event.data, event.id),
  )
  events.on(ResourcesEvents.ResourcePublished, 'resource-published', ({ trx, event }) =>
    applyResource(t(trx), event.data, event.id),
  )
  events.on(CatalogueEvents.OperatorOfferChanged, 'operator-offer-changed', ({ trx, event }) =>
    applyOperatorOffer(t(trx), event.data, event.id),
  )
}
