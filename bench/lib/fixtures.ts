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
 * One long transcript of at least `targetBytes`: the real transcripts, reshuffled, joined until
 * the size is reached. Every line in it is a real debugger line.
 */
export function syntheticTranscript(targetBytes: number, seed = 7): { text: string; files: string[] } {
  const next = random(seed)
  const sources = realTranscripts()
  const parts: string[] = []
  const files = new Set<string>()
  let size = 0
  while (size < targetBytes) {
    const source = pick(next, sources)
    parts.push(source.text)
    files.add(source.file)
    size += Buffer.byteLength(source.text) + 1
  }
  return { text: parts.join('\n'), files: [...files].sort() }
}
