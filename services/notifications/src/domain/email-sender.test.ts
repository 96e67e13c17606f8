import { describe, expect, it } from 'vitest'
import { backoffMs, classifySendError, redactAddresses } from './email-sender.js'

describe('email sender failure handling', () => {
  it('tells temporary failures (4xx, 503, no reply) from permanent ones (5xx, unbuildable message)', () => {
    expect(classifySendError({ responseCode: 451, response: '451 4.3.0 Try again later' })).toEqual({
      permanent: false,
      error: '451 4.3.0 Try again later',
    })
    expect(classifySendError({ responseCode: 550, response: '550 5.1.1 No such user' }).permanent).toBe(true)
    expect(classifySendError({ responseCode: 503, response: '503 Bad sequence' }).permanent).toBe(false)
    expect(classifySendError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toEqual({
      permanent: false,
      error: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25',
    })
    expect(classifySendError({ code: 'EAUTH', message: 'Invalid login' }).permanent).toBe(false)
    expect(classifySendError({ code: 'EENVELOPE', message: 'No recipients defined' }).permanent).toBe(true)
  })

  it('backs off exponentially up to a ceiling, and keeps addresses out of events', () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffMs(a, 1000, 5000))).toEqual([1000, 2000, 4000, 5000, 5000])
    expect(redactAddresses('550 5.1.1 <zoe@example.fr>: Recipient address rejected')).toBe(
      '550 5.1.1 <<address>>: Recipient address rejected',
    )
  })
})
