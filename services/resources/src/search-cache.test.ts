import { describe, expect, it } from 'vitest'
import { SearchCache } from './domain/search-cache.js'

describe('search cache', () => {
  const clock = () => {
    let now = 0
    return { now: () => now, advance: (ms: number) => (now += ms) }
  }

  it('serves an answer for its lifetime, then computes it again', async () => {
    const time = clock()
    const cache = new SearchCache(5000, 10, time.now)
    let runs = 0
    const compute = async () => ++runs
    expect(await cache.get('a', compute)).toBe(1)
    time.advance(4999)
    expect(await cache.get('a', compute)).toBe(1)
    time.advance(1)
    expect(await cache.get('a', compute)).toBe(2)
  })

  it('forgets every answer when something search shows changes', async () => {
    const cache = new SearchCache(5000)
    let runs = 0
    const compute = async () => ++runs
    await cache.get('a', compute)
    cache.markStale()
    expect(await cache.get('a', compute)).toBe(2)
  })

  it('computes once for concurrent requests of the same question', async () => {
    const cache = new SearchCache(5000)
    let runs = 0
    const compute = async () => {
      runs++
      await new Promise((resolve) => setTimeout(resolve, 10))
      return 'answer'
    }
    const answers = await Promise.all(Array.from({ length: 32 }, () => cache.get('a', compute)))
    expect(answers.every((a) => a === 'answer')).toBe(true)
    expect(runs).toBe(1)
  })

  it('does not serve a computation that started before a write to requests that come after it', async () => {
    const cache = new SearchCache(5000)
    let release = () => {}
    const slow = cache.get('a', () => new Promise<string>((resolve) => (release = () => resolve('before'))))
    cache.markStale()
    const fresh = cache.get('a', async () => 'after')
    release()
    expect(await slow).toBe('before')
    expect(await fresh).toBe('after')
    expect(await cache.get('a', async () => 'again')).toBe('after')
  })

  it('does not keep failures, nor more answers than its size, and caches nothing with a lifetime of 0', async () => {
    const cache = new SearchCache(5000, 2)
    await expect(cache.get('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await cache.get('a', async () => 'up')).toBe('up')
    await cache.get('b', async () => 'b')
    await cache.get('a', async () => 'not computed')
    await cache.get('c', async () => 'c')
    expect(cache.size).toBe(2)
    // 'b' was the least recently used.
    expect(await cache.get('a', async () => 'not computed')).toBe('up')
    expect(await cache.get('b', async () => 'b again')).toBe('b again')

    const off = new SearchCache(0)
    let runs = 0
    await off.get('a', async () => ++runs)
    expect(await off.get('a', async () => ++runs)).toBe(2)
    expect(off.size).toBe(0)
  })
})
