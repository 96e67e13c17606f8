import { describe, expect, it } from 'vitest'
import { administers, edits, isModerator, isPlatformAdmin, staffOf, staffRule } from './scope.js'

const A = '0190b0f0-0000-7000-8000-00000000000a'
const B = '0190b0f0-0000-7000-8000-00000000000b'

describe('staff scope rule', () => {
  it('an admin bound to no operator is the platform admin and administers everything', () => {
    const admin = { platformRoles: ['admin'] as const, operatorId: null }
    expect(isPlatformAdmin(admin)).toBe(true)
    expect(administers(admin, A)).toBe(true)
    expect(administers(admin, null)).toBe(true)
    expect(edits(admin, B)).toBe(true)
  })

  it("an operator's admin administers and edits its own operator only, never national things", () => {
    const adminOfA = { platformRoles: ['admin'] as const, operatorId: A }
    expect(isPlatformAdmin(adminOfA)).toBe(false)
    expect(administers(adminOfA, A)).toBe(true)
    expect(administers(adminOfA, B)).toBe(false)
    expect(administers(adminOfA, null)).toBe(false)
    expect(edits(adminOfA, A)).toBe(true)
    expect(edits(adminOfA, B)).toBe(false)
    expect(edits(adminOfA, null)).toBe(false)
  })

  it('editors edit the content of their own scope: national editors national content, local editors their operator', () => {
    const national = { platformRoles: ['editor'] as const, operatorId: null }
    const editorOfA = { platformRoles: ['editor'] as const, operatorId: A }
    expect(edits(national, null)).toBe(true)
    expect(edits(national, A)).toBe(false)
    expect(edits(editorOfA, A)).toBe(true)
    expect(edits(editorOfA, null)).toBe(false)
    expect(edits(editorOfA, B)).toBe(false)
    expect(administers(editorOfA, A)).toBe(false)
  })

  it('staff of an operator are its advisors, editors and admins; members of communes are not staff', () => {
    expect(staffOf({ platformRoles: ['advisor'], operatorId: A }, A)).toBe(true)
    expect(staffOf({ platformRoles: ['advisor'], operatorId: A }, B)).toBe(false)
    expect(staffOf({ platformRoles: [], operatorId: A }, A)).toBe(false)
    expect(staffOf({ platformRoles: ['admin'], operatorId: null }, B)).toBe(true)
  })

  it('bound to one person (Principal, Actor), the rule answers as the functions do', () => {
    const rule = staffRule({ platformRoles: ['admin'], operatorId: A })
    expect(rule.isPlatformAdmin).toBe(false)
    expect([
      rule.administers(A),
      rule.administers(B),
      rule.edits(A),
      rule.edits(null),
      rule.staffOf(A),
    ]).toEqual([true, false, true, false, true])
  })

  it('moderators are editors and admins of any scope (they moderate instead of reporting); advisors and members are not', () => {
    expect(isModerator({ platformRoles: ['editor'], operatorId: A })).toBe(true)
    expect(isModerator({ platformRoles: ['admin'], operatorId: null })).toBe(true)
    expect(isModerator({ platformRoles: ['advisor'], operatorId: A })).toBe(false)
    expect(isModerator({ platformRoles: [], operatorId: null })).toBe(false)
  })
})
