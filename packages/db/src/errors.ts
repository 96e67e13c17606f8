function code(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const c = (error as { code: unknown }).code
    return typeof c === 'string' ? c : undefined
  }
  return undefined
}
/** PostgreSQL 23505 — a unique constraint refused the row. */
export const isUniqueViolation = (error: unknown) => code(error) === '23505'
/** PostgreSQL 40001/40P01 — retry the transaction. */
export const isSerializationFailure = (error: unknown) => ['40001', '40P01'].includes(code(error) ?? '')
