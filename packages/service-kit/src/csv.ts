/** One CSV cell (RFC 4180), neutralising spreadsheet formulas (`=`, `+`, `-`, `@` at the start of a text). */
export function csvCell(value: string | number): string {
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A CSV document as spreadsheets read it: UTF-8 with a BOM (accents), comma, CRLF lines. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
