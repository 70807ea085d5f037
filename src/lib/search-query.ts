/**
 * What people type to find a bugcheck, made into what the index holds. Runs in the browser (the
 * header search, the search page, the 404 page), so it has no imports.
 *
 * Pagefind matches words by prefix and knows nothing of hex: `20` also matches `200` and `2000`,
 * and `0x20`, `0x00000020` and `20` are three unrelated words to it. Every code page carries its
 * code as one eight-digit word (`0x00000020`), and every code-like word of a query is rewritten
 * to that form: all eight-digit words have the same length, so none is a prefix of another.
 */

// `0x20`, `0X0000020`, `20`, `1e`, `d1`, `1000007E`. Within a longer query a bare word needs a
// digit, so that `bad pool header` stays words; a query of one hex word alone (`a`, `ea`) is taken
// as a code first, and as the word after (see `search`).
const RE_CODE_WORD = /^(?:0x[0-9a-f]{1,8}|(?=[a-f]*\d)[0-9a-f]{1,8})$/i
const RE_HEX_WORD = /^[0-9a-f]{1,8}$/i
// Words that only say "this is a bugcheck" (`bsod 0x20`, `stop code 0x20`, `BugCheck 20,`).
const NOISE = new Set(['bsod', 'bugcheck', 'bug', 'check', 'stop', 'code', 'error', 'bluescreen', 'blue', 'screen'])

/**
 * `0x20` → `0x00000020`; anything that is not code-like → undefined. With `alone`, letters-only
 * hex (`a`, `ea`) counts too.
 */
export function codeWord(word: string, alone = false): string | undefined {
  const trimmed = word.replace(/^[({[,;:]+|[)}\],;:.]+$/g, '')
  if (!RE_CODE_WORD.test(trimmed) && !(alone && RE_HEX_WORD.test(trimmed))) return undefined
  const digits = trimmed.replace(/^0x/i, '').toLowerCase()
  return `0x${digits.padStart(8, '0')}`
}

export interface NormalisedQuery {
  /** What to give Pagefind. */
  search: string
  /** The codes the query names, eight-digit form, in order. */
  codes: string[]
}

/**
 * Rewrites code-like words to the indexed eight-digit form and drops the words that only say
 * "bugcheck" when a code is present.
 *
 * @example
 *   normaliseQuery('bsod 0x20')        // { search: '0x00000020', codes: ['0x00000020'] }
 *   normaliseQuery('apc pending')      // { search: 'apc pending', codes: [] }
 */
export function normaliseQuery(raw: string): NormalisedQuery {
  const words = raw.trim().split(/[\s,]+/).filter(Boolean)
  const codes: string[] = []
  const rewritten = words.map((word) => {
    const code = codeWord(word, words.length === 1)
    if (code) codes.push(code)
    return code ?? word
  })
  const kept = codes.length > 0 ? rewritten.filter((word) => !NOISE.has(word.toLowerCase())) : rewritten
  return { search: kept.join(' '), codes }
}
