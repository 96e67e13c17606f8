import type { PlatformRole } from './taxonomy.js'

/**
 * The one rule for staff roles, used by every service (through the kit's `Principal`) and by
 * identity (through its `Actor`): a platform role held **without** an operator is national; the
 * same role held **with** an operator (`op` in the access token) is scoped to that operator.
 *
 * | role               | national (`operatorId: null`)            | scoped (`operatorId: X`)                          |
 * | ------------------ | ---------------------------------------- | ------------------------------------------------- |
 * | admin              | the platform admin: everything            | X's administrator: X's advisors, collectivités, offers, local content |
 * | editor             | national content (catalogue, resources)   | X's local content only                            |
 * | advisor            | (always scoped: an advisor has an operator) | assigned collectivités of X                     |
 *
 * "Content of operator X" is content whose `operator_id` is X; national content has none (null).
 */
export interface StaffScope {
  readonly platformRoles: readonly PlatformRole[]
  readonly operatorId: string | null
}

/** The platform admin: an admin bound to no operator. Sees and changes everything. */
export function isPlatformAdmin(scope: StaffScope): boolean {
  return scope.platformRoles.includes('admin') && scope.operatorId === null
}

/**
 * Administers operator `operatorId` (its advisors, assignments, offers, collectivités, local
 * trainings and resources): the platform admin, or an admin scoped to that very operator.
 * `null` (national things) is administered by the platform admin only.
 */
export function administers(scope: StaffScope, operatorId: string | null): boolean {
  if (isPlatformAdmin(scope)) return true
  return operatorId !== null && scope.platformRoles.includes('admin') && scope.operatorId === operatorId
}

/**
 * Edits content owned by `operatorId` (null: national content): whoever administers it, or an
 * editor of the same scope (a national editor edits national content, an operator's editor that
 * operator's local content).
 */
export function edits(scope: StaffScope, operatorId: string | null): boolean {
  if (administers(scope, operatorId)) return true
  return scope.platformRoles.includes('editor') && scope.operatorId === operatorId
}

/** Works for operator `operatorId` in any staff role (advisor, editor, admin scoped to it), or is the platform admin. */
export function staffOf(scope: StaffScope, operatorId: string): boolean {
  if (isPlatformAdmin(scope)) return true
  return scope.operatorId === operatorId && scope.platformRoles.length > 0
}

/**
 * Holds a moderation role (editor or admin, of any scope). Moderators moderate what they find
 * (within their scope); they never *report* content, and reports never come from them.
 */
export function isModerator(scope: StaffScope): boolean {
  return scope.platformRoles.includes('editor') || scope.platformRoles.includes('admin')
}

/** The rule bound to one person's scope: what the kit's `Principal` and identity's `Actor` expose. */
export interface StaffRule {
  readonly isPlatformAdmin: boolean
  readonly isModerator: boolean
  administers(operatorId: string | null): boolean
  edits(operatorId: string | null): boolean
  staffOf(operatorId: string): boolean
}

export function staffRule(scope: StaffScope): StaffRule {
  return {
    isPlatformAdmin: isPlatformAdmin(scope),
    isModerator: isModerator(scope),
    administers: (operatorId) => administers(scope, operatorId),
    edits: (operatorId) => edits(scope, operatorId),
    staffOf: (operatorId) => staffOf(scope, operatorId),
  }
}
