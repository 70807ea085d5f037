/**
 * Annotations an author writes in the fence's meta string:
 *
 *     ```windbg title="Triage of MEMORY.DMP" open="1,3" closed="2" mark="PspExitThread" lines="4-6" fold=40
 *
 * `open` / `closed` without a value apply to every step. Step and line numbers are 1-based; lines
 * count from the first line of the fence.
 */
export interface TranscriptAnnotations {
  title?: string
  /** Steps forced open (1-based); `'all'` for every step. */
  open: number[] | 'all'
  /** Steps forced closed (1-based); `'all'` for every step. */
  closed: number[] | 'all'
  /** Phrases to highlight wherever they occur in the output. */
  mark: string[]
  /** Lines of the fence to highlight (1-based). */
  lines: number[]
  /** Fold output longer than this many lines. */
  fold?: number
  /** Meta that was not understood, for a warning. */
  unknown: string[]
}

const RE_ATTRIBUTE = /([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g

/** `"1-3, 7"` → `[1, 2, 3, 7]`; anything not a positive number or range is skipped. */
export function parseNumberList(text: string): number[] {
  const numbers = new Set<number>()
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part)
    if (!match) continue
    const from = Number(match[1])
    const to = match[2] === undefined ? from : Number(match[2])
    // A range is capped so that `1-99999999` in a typo cannot allocate millions of entries.
    for (let n = from; n <= Math.min(to, from + 10_000); n++) if (n > 0) numbers.add(n)
  }
  return [...numbers].sort((a, b) => a - b)
}

export function parseMeta(meta: string | null | undefined): TranscriptAnnotations {
  const annotations: TranscriptAnnotations = { open: [], closed: [], mark: [], lines: [], unknown: [] }
  for (const match of (meta ?? '').matchAll(RE_ATTRIBUTE)) {
    const key = (match[1] as string).toLowerCase()
    const value = match[2] ?? match[3] ?? match[4]
    switch (key) {
      case 'title':
        if (value) annotations.title = value
        break
      case 'open':
      case 'closed':
        annotations[key] = value === undefined ? 'all' : parseNumberList(value)
        break
      case 'mark':
        if (value) annotations.mark.push(value)
        break
      case 'lines':
        if (value) annotations.lines.push(...parseNumberList(value))
        break
      case 'fold': {
        const fold = Number(value)
        if (Number.isInteger(fold) && fold >= 0) annotations.fold = fold
        else annotations.unknown.push(match[0])
        break
      }
      default:
        annotations.unknown.push(match[0])
    }
  }
  return annotations
}
