/**
 * The filters of a search page as they travel in its URL (`?q=visio&category=email&page=2`): read
 * from the query string, passed on to the API, and turned into links that add or remove one value
 * (facets are plain links, so they work without JavaScript).
 */
export class Filters {
  private constructor(private readonly values: ReadonlyMap<string, readonly string[]>) {}

  /** The known parameters of `query` (repeated or comma-separated), each value at most 100 characters. */
  static of(query: unknown, names: readonly string[]): Filters {
    const source = (query ?? {}) as Record<string, unknown>
    const values = new Map<string, string[]>()
    for (const name of names) {
      const raw = [source[name] ?? []].flat().filter((v): v is string => typeof v === 'string')
      const list = [
        ...new Set(
          raw
            .flatMap((v) => v.split(','))
            .map((v) => v.trim().slice(0, 100))
            .filter(Boolean),
        ),
      ]
      if (list.length) values.set(name, list.slice(0, 20))
    }
    return new Filters(values)
  }

  get(name: string): readonly string[] {
    return this.values.get(name) ?? []
  }

  first(name: string): string {
    return this.get(name)[0] ?? ''
  }

  has(name: string, value: string): boolean {
    return this.get(name).includes(value)
  }

  /** Whether any of `names` is set. */
  any(names: readonly string[]): boolean {
    return names.some((n) => this.get(n).length > 0)
  }

  /** The same filters with `name` set to `list` (empty: removed); any page number is dropped. */
  with(name: string, list: readonly string[]): Filters {
    const values = new Map(this.values)
    values.delete('page')
    if (list.length) values.set(name, list)
    else values.delete(name)
    return new Filters(values)
  }

  /** Adds `value` to `name`, or removes it if present (`single`: the only value allowed). */
  toggle(name: string, value: string, single = false): Filters {
    if (this.has(name, value))
      return this.with(
        name,
        this.get(name).filter((v) => v !== value),
      )
    return this.with(name, single ? [value] : [...this.get(name), value])
  }

  without(names: readonly string[]): Filters {
    let next: Filters = this
    for (const name of names) next = next.with(name, [])
    return next
  }

  /** `path?a=1&b=2` (repeated parameters for several values). */
  href(path: string, page?: number): string {
    const search = new URLSearchParams()
    for (const [name, list] of this.values) if (name !== 'page') for (const v of list) search.append(name, v)
    if (page && page > 1) search.set('page', String(page))
    const s = search.toString()
    return s ? `${path}?${s}` : path
  }

  /** Every value except of `skip`, as hidden fields (a new text search keeps the chosen filters). */
  entries(skip: readonly string[]): Array<[string, string]> {
    return [...this.values]
      .filter(([n]) => !skip.includes(n) && n !== 'page')
      .flatMap(([n, l]) => l.map((v) => [n, v] as [string, string]))
  }

  /**
   * The API query of a list page: the text, the page as limit/offset, and the multi-valued
   * filters `names` (only those chosen).
   */
  apiQuery(perPage: number, names: readonly string[] = []): Record<string, unknown> {
    const query: Record<string, unknown> = { limit: perPage, offset: (this.page() - 1) * perPage }
    if (this.first('q')) query.q = this.first('q').slice(0, 200)
    for (const name of names) if (this.get(name).length) query[name] = this.get(name)
    return query
  }

  /** The page number (1 when absent or malformed). */
  page(): number {
    const n = Number.parseInt(this.first('page'), 10)
    return Number.isFinite(n) && n > 0 && n < 10_000 ? n : 1
  }
}
