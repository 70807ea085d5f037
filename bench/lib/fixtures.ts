// The real WinDbg transcripts the synthetic corpora are made of: every fence of the plugin's real
// fixtures (the seed article and Microsoft's docs pages, CC BY 4.0) that holds debugger output.
import { findBugchecks, isTranscript } from '../../plugins/remark-windbg/parser.ts'
import { realFences, REAL_DIR } from '../../plugins/remark-windbg/test/helpers.ts'

export { REAL_DIR }

export interface RealTranscript {
  /** The fixture file, e.g. `seed-0x20.md`. */
  file: string
  text: string
}

let cached: RealTranscript[] | undefined

/**
 * Fences the plugin would render as transcripts (a prompt, or bugcheck parameter lines), so the
 * corpora carry no C code or command-syntax blocks.
 */
export function realTranscripts(): RealTranscript[] {
  cached ??= realFences()
    .filter((fence) => fence.value.trim() !== '' && (isTranscript(fence.value) || findBugchecks(fence.value).length > 0))
    .map((fence) => ({ file: fence.file, text: fence.value }))
  return cached
}

/** A small deterministic PRNG (mulberry32): the same seed makes the same corpus on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

/**
 * Every run of 8 or 16 hex digits (addresses, 32- and 64-bit values) replaced by other digits of
 * the same length. A dump's lines repeat in shape but rarely to the letter; without this, a copy
 * of a transcript repeats its lines exactly, and the highlighter's per-transcript line cache would
 * make the large input look faster than real output is.
 */
function freshAddresses(text: string, next: () => number): string {
  return text.replace(/(?<![0-9A-Za-z])(?:[0-9a-f]{16}|[0-9a-f]{8})(?![0-9A-Za-z])/g, (digits) =>
    Array.from(digits, () => '0123456789abcdef'[Math.floor(next() * 16)]).join(''),
  )
}

/**
 * One long transcript of at least `targetBytes`: the real transcripts, reshuffled, joined until
 * the size is reached, their addresses redrawn (see {@link freshAddresses}): the shape of every
 * line is real, its hex values are not.
 */
export function syntheticTranscript(targetBytes: number, seed = 7): { text: string; files: string[] } {
  const next = random(seed)
  const sources = realTranscripts()
  const parts: string[] = []
  const files = new Set<string>()
  let size = 0
  while (size < targetBytes) {
    const source = pick(next, sources)
    const text = freshAddresses(source.text, next)
    parts.push(text)
    files.add(source.file)
    size += Buffer.byteLength(text) + 1
  }
  return { text: parts.join('\n'), files: [...files].sort() }
}
