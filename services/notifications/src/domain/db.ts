import type { EventTables } from '@osinum/events'
import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely'

/** A jsonb column: read as `T`, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface UsersTable {
  user_id: string
  email: string
  display_name: string | null
  platform_roles: Json<string[]>
  operator_id: string | null
  updated_at: Timestamp
}
export interface ErasedUsersTable {
  user_id: string
  erased_at: Timestamp
}
export interface OrganisationsTable {
  organisation_id: string
  name: string
  operator_id: string | null
  weak_themes: ColumnType<string[], string | undefined, string>
  updated_at: Timestamp
}
export interface MembershipsTable {
  organisation_id: string
  user_id: string
  role: string
  referent: boolean
}
export interface PreferencesTable {
  user_id: string
  category: string
  email: boolean
  in_app: boolean
  updated_at: Timestamp
}
export interface DigestSettingsTable {
  user_id: string
  frequency: string
  themes: Json<string[] | null> | null
  updated_at: Timestamp
}

/** What the "reply via the platform" of a relayed contact message needs; never exposed. */
export interface Relay {
  /** The person at the other end, whose address the recipient never sees. */
  counterpartUserId: string
  counterpartOrganisationId: string | null
  counterpartOrganisationName: string
  /** The collectivité the recipient answers for (their side of the conversation). */
  ownOrganisationId: string | null
  toolName: string
}

export interface NotificationsTable {
  id: string
  cause_event_id: string
  user_id: string | null
  /** The user id, or the email address when the person is not (yet) known. */
  recipient: string
  category: string
  kind: string
  title: string
  body: string
  link: string | null
  in_app: boolean
  read_at: Date | null
  relay: Json<Relay | null> | null
  created_at: Timestamp
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed'
export type Channel = 'email' | 'in-app'

/** A rendered email, stored until it is sent (then removed: it may carry a login link). */
export interface StoredEmail {
  to: { name?: string; address: string }
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  messageId: string
  attachments?: Array<{ filename: string; contentType: string; content: string }>
}

export interface DeliveriesTable {
  id: string
  notification_id: string
  cause_event_id: string
  recipient: string
  channel: Channel
  category: string
  status: DeliveryStatus
  attempts: Generated<number>
  next_attempt_at: Timestamp | null
  last_error: string | null
  message: Json<StoredEmail | null> | null
  created_at: Timestamp
  updated_at: Timestamp
  sent_at: Timestamp | null
}

export interface DigestItemsTable {
  id: string
  user_id: string
  cause_event_id: string
  kind: 'resource' | 'tool'
  title: string
  summary: string
  link: string
  created_at: Timestamp
  digest_id: string | null
}

export interface WebhookEndpointsTable {
  id: string
  operator_id: string | null
  url: string
  description: string
  event_types: Json<string[]>
  secret: string
  enabled: boolean
  consecutive_failures: Generated<number>
  disabled_at: Date | null
  disabled_reason: string | null
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface WebhookDeliveriesTable {
  id: string
  endpoint_id: string
  event_id: string
  event_type: string
  payload: string
  status: WebhookDeliveryStatus
  attempts: Generated<number>
  next_attempt_at: Timestamp | null
  locked_until: Timestamp | null
  last_status_code: number | null
  last_error: string | null
  created_at: Timestamp
  updated_at: Timestamp
  delivered_at: Timestamp | null
}

export interface SettingsTable {
  key: string
  value: string
}

export interface Database extends EventTables {
  users: UsersTable
  erased_users: ErasedUsersTable
  organisations: OrganisationsTable
  memberships: MembershipsTable
  preferences: PreferencesTable
  digest_settings: DigestSettingsTable
  notifications: NotificationsTable
  deliveries: DeliveriesTable
  digest_items: DigestItemsTable
  webhook_endpoints: WebhookEndpointsTable
  webhook_deliveries: WebhookDeliveriesTable
  settings: SettingsTable
}

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
/** A repository function works on the service's Kysely or inside one of its transactions. */
export type DbOrTrx = Db | Trx

export type User = Selectable<UsersTable>
export type Notification = Selectable<NotificationsTable>
export type Delivery = Selectable<DeliveriesTable>
export type WebhookEndpoint = Selectable<WebhookEndpointsTable>
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>

export const json = (value: unknown): string => JSON.stringify(value)
