// Word runs of a text, hashed: how the tests compare the project's descriptions with Microsoft's
// wording, given only fingerprints of it (tests/fixtures/reference/ms-wording.json).

export const SHINGLE_WORDS = 6

/** Lower-case words, markup and punctuation dropped: `The **IRP**'s address` → the irp s address. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, ' ')
    .match(/[a-z0-9]+/g) ?? []
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** The hash of each run of {@link SHINGLE_WORDS} words, in order. */
export function shingleHashes(text: string): number[] {
  const list = words(text)
  const hashes: number[] = []
  for (let index = 0; index + SHINGLE_WORDS <= list.length; index++) hashes.push(fnv1a(list.slice(index, index + SHINGLE_WORDS).join(' ')))
  return hashes
}

/**
 * The longest run of words the text shares with the fingerprinted wording: consecutive matching
 * six-word runs, so 0 means no six words in a row were found, and 8 means eight were.
 */
export function longestSharedRun(text: string, known: ReadonlySet<number>): number {
  let longest = 0
  let run = 0
  for (const hash of shingleHashes(text)) {
    run = known.has(hash) ? run + 1 : 0
    longest = Math.max(longest, run === 0 ? 0 : run + SHINGLE_WORDS - 1)
  }
  return longest
}

export function decodeFingerprints(base64: string): Set<number> {
  const bytes = Buffer.from(base64, 'base64')
  return new Set(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4))
}
