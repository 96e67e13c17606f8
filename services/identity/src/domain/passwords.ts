import argon2 from 'argon2'

/**
 * argon2id with the OWASP Password Storage Cheat Sheet parameters (m = 19 MiB, t = 2, p = 1).
 * See bench/results/identity.md for the time per hash on this machine.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

/**
 * A hash of a random password made with the same parameters: verifying against it costs what a
 * real verification costs, so an unknown email answers in the same time as a wrong password.
 */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$32UohymyTcDQsvBpMo/jSw$v6t48Q30WGlZmJtOEEIdWHiDAqW8GS/GpDc8OejQpsE'

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS)
}

/** True when `password` matches `hash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await argon2.verify(hash ?? DUMMY_HASH, password)
    return hash !== null && ok
  } catch {
    return false
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_OPTIONS)
}
