import { FieldsError } from '@osinum/service-kit'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as fr from '@zxcvbn-ts/language-fr'
import { PASSWORD_MIN_LENGTH } from './passwords.js'

/**
 * Password strength, estimated by zxcvbn (`@zxcvbn-ts/core`) with the common and French
 * dictionaries and the person's own words (email, name, their collectivités' names, "osinum"):
 * a password scoring under `MIN_PASSWORD_SCORE` (0–4; 3 = "safely unguessable" by an online attacker
 * and costly offline against argon2id) is refused, and so is any password containing the email, its
 * local part, the person's name or a collectivité's name, whatever its score. The refusal is a
 * 422 whose field error explains, in French, why and what to do.
 */
export const MIN_PASSWORD_SCORE = 3

let factory: ZxcvbnFactory | undefined
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
  }))

/** Lower case, no accents, letters and digits only: "Anzême" and "anzeme" are the same word. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')

export interface PasswordContext {
  email?: string | null | undefined
  displayName?: string | null | undefined
  /** Names of the person's collectivités. */
  organisationNames?: readonly string[] | undefined
}

/** Why a password is refused (French, for the person), or null when it is strong enough. */
export async function passwordWeakness(password: string, context: PasswordContext): Promise<string | null> {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`
  const folded = fold(password)
  const email = context.email?.trim().toLowerCase() ?? ''
  const local = email.split('@')[0] ?? ''
  const personal: Array<{ value: string; why: string }> = [
    { value: email, why: 'votre adresse e-mail' },
    { value: local, why: 'votre adresse e-mail' },
    { value: context.displayName ?? '', why: 'votre nom' },
    ...(context.organisationNames ?? []).map((n) => ({ value: n, why: 'le nom de votre collectivité' })),
  ]
  for (const { value, why } of personal) {
    const f = fold(value)
    if (f.length >= 4 && folded.includes(f))
      return `Le mot de passe ne doit pas contenir ${why}. Choisissez une phrase de passe sans lien avec vous, par exemple quatre mots sans rapport entre eux.`
  }
  const words = personal.flatMap((p) => p.value.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3)
  const result = await zxcvbn().check(password, [...words, 'osinum'])
  if (result.score >= MIN_PASSWORD_SCORE) return null
  const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)
  const parts = ['Ce mot de passe est trop facile à deviner.']
  if (result.feedback.warning) parts.push(sentence(result.feedback.warning))
  parts.push(...result.feedback.suggestions.map(sentence))
  parts.push(
    'Une phrase de passe de quatre mots sans rapport entre eux est facile à retenir et difficile à deviner.',
  )
  return parts.join(' ')
}

/** Refuses a weak password with a 422 naming `field`. */
export async function assertStrongPassword(
  password: string,
  context: PasswordContext,
  field: string,
): Promise<void> {
  const why = await passwordWeakness(password, context)
  if (why)
    throw new FieldsError([{ field, message: why }], {
      code: 'OSI_IDENTITY_WEAK_PASSWORD',
      detail: why,
    })
}
