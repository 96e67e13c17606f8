// pdf-parse 1.1.1 ships no types; its library entry (not the index, which runs a debug script).
declare module 'pdf-parse/lib/pdf-parse.js' {
  function pdf(
    data: Buffer,
    options?: Record<string, unknown>,
  ): Promise<{ numpages: number; text: string; info: Record<string, unknown> }>
  export default pdf
}
