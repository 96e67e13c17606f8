import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely'
import type { Database } from '../../domain/db.js'

/** jsonb: read as a value, written as a JSON string (the pg driver would send arrays as SQL arrays). */
type Json<T> = ColumnType<T, string | undefined, string>

export interface SupportRequestTable {
  id: string
  organisation_id: string
  operator_id: string | null
  topic: string
  message: string
  diagnostic_id: string | null
  status: string
  matched_via: string
  assignee_id: string | null
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  last_activity_at: Generated<Date>
  last_activity_by_advisor: Generated<boolean>
  closed_at: Date | null
}

export interface SupportRequestAdvisorTable {
  request_id: string
  advisor_id: string
}

export interface SupportRequestTimelineTable {
  seq: Generated<number>
  request_id: string
  kind: string
  actor_id: string | null
  from_status: string | null
  to_status: string | null
  advisor_ids: Json<string[]>
  created_at: Generated<Date>
}

export interface SupportMessageTable {
  id: string
  seq: Generated<number>
  request_id: string
  author_id: string | null
  from_advisor: boolean
  body: string
  created_at: Generated<Date>
}

export interface ActionItemTable {
  id: string
  organisation_id: string
  title: string
  description: string | null
  status: string
  due_date: string | null
  owner: string | null
  tool_slug: string | null
  resource_slug: string | null
  source: string
  diagnostic_id: string | null
  rule_id: string | null
  priority: number | null
  themes: Json<string[]>
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  completed_at: Date | null
}

export interface ActionItemCommentTable {
  id: string
  seq: Generated<number>
  item_id: string
  organisation_id: string
  author_id: string | null
  from_advisor: boolean
  body: string
  created_at: Generated<Date>
}

/** PRIVATE advisor notes: never serialised in a response to a member of the collectivité. */
export interface AdvisorNoteTable {
  id: string
  organisation_id: string
  item_id: string | null
  author_id: string | null
  body: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ReminderTable {
  id: string
  kind: string
  subject_id: string
  day: string
  organisation_id: string
  recipient_ids: Json<string[]>
  created_at: Generated<Date>
}

export interface AccompanimentTables {
  support_requests: SupportRequestTable
  support_request_advisors: SupportRequestAdvisorTable
  support_request_timeline: SupportRequestTimelineTable
  support_messages: SupportMessageTable
  action_items: ActionItemTable
  action_item_comments: ActionItemCommentTable
  advisor_notes: AdvisorNoteTable
  reminders: ReminderTable
}

export type SupportRequestRow = Selectable<SupportRequestTable>
export type ActionItemRow = Selectable<ActionItemTable>
export type NewActionItem = Insertable<ActionItemTable>
export type ActionItemUpdate = Updateable<ActionItemTable>
export type AdvisorNoteRow = Selectable<AdvisorNoteTable>

/** The diagnostics schema as the accompaniment sees it: its own tables plus the core's projections. */
export type AccDatabase = Database & AccompanimentTables
export type AccDb = Kysely<AccDatabase>
export type Db = Kysely<AccDatabase> | Transaction<AccDatabase>
