import type { BugcheckFinding, ParameterFormat } from 'remark-windbg/parser'
import { findBugchecks } from '../fences.ts'
import { paramCountOf } from '../codes.ts'
import { findByNumber } from '../../../src/lib/catalog.ts'
import { UNDESCRIBED_PARAMETER, PARAMETER_PLACEHOLDER, type ParameterEntry } from '../scaffold.ts'

/** A fence that holds debugger output, with the file line of its first content line. */
export interface OutputFence {
  value: string
  /** 1-based file line of the fence's first content line. */
  firstLine: number
}

/** Where the code was read, for the report: `the !di Bugcheck: line (line 150)`. */
export interface CodeSource {
  format: ParameterFormat
  line: number
}

export interface InferredBugcheck {
  code: number
  sources: CodeSource[]
  /** Other codes the transcripts name, which the article is not about. */
  others: number[]
  parameters: ParameterEntry[]
  /** What could not be filled from the `ArgN:` lines, for the report. */
  gaps: string[]
  /** Parameters whose name and decoding were guessed from the debugger's description. */
  guessed: number
}

export const FORMAT_NAMES: Record<ParameterFormat, string> = {
  'analyze-title': 'the !analyze title line',
  'analyze-arg': 'the ArgN: lines',
  'analyze-field': 'BUGCHECK_CODE',
  'analyze-key': 'the Bugcheck.Code key',
  'dump-info': 'the !di Bugcheck: line',
  banner: 'the dump banner',
  'dot-bugcheck': '.bugcheck',
  'stop-screen': 'the STOP screen text',
}

interface Located {
  finding: BugcheckFinding
  fence: OutputFence
}

/**
 * The bugcheck the write-up is about: the code named in the most fences (the first named on a
 * tie), with its parameters from the `ArgN:` lines wherever any fence has them.
 */
export function inferBugcheck(fences: readonly OutputFence[]): InferredBugcheck | undefined {
  const located: Located[] = fences.flatMap((fence) => findBugchecks(fence.value).map((finding) => ({ finding, fence })))
  if (located.length === 0) return undefined
  const fenceCount = new Map<number, Set<OutputFence>>()
  for (const { finding, fence } of located) {
    const set = fenceCount.get(finding.code) ?? new Set()
    set.add(fence)
    fenceCount.set(finding.code, set)
  }
  // Map order is first appearance, so a stable sort keeps the earlier code on a tie.
  const ranked = [...fenceCount.entries()].sort((a, b) => b[1].size - a[1].size).map(([code]) => code)
  const code = ranked[0] as number
  const mine = located.filter(({ finding }) => finding.code === code)
  const sources = mine.flatMap(({ finding, fence }) =>
    finding.marks.filter((mark) => mark.index === 0).map((mark) => ({ format: mark.format, line: fence.firstLine + mark.line })),
  )
  return { code, sources, others: ranked.slice(1), ...parametersFrom(code, mine) }
}

function parametersFrom(code: number, mine: readonly Located[]): Pick<InferredBugcheck, 'parameters' | 'gaps' | 'guessed'> {
  const descriptions: string[] = ['', '', '', '']
  const argLines = new Set<number>()
  for (const { finding } of mine) {
    for (const mark of finding.marks) {
      if (mark.format !== 'analyze-arg') continue
      argLines.add(mark.index)
      if (mark.description && !descriptions[mark.index - 1]) descriptions[mark.index - 1] = mark.description
    }
  }
  const entry = findByNumber(code)
  const catalogCount = entry ? paramCountOf(entry) : undefined
  const highestArg = Math.max(0, ...argLines)
  const count = catalogCount ?? highestArg
  const gaps: string[] = []
  if (catalogCount !== undefined && highestArg > catalogCount) {
    const extra = [...argLines].filter((index) => index > catalogCount).sort((a, b) => a - b)
    gaps.push(`Arg${extra.join(', Arg')}: left out, the catalog gives this bugcheck ${catalogCount} parameter${catalogCount === 1 ? '' : 's'}`)
  }
  const parameters: ParameterEntry[] = []
  let guessed = 0
  for (let index = 1; index <= count; index++) {
    const description = descriptions[index - 1] ?? ''
    if (description) {
      parameters.push(parameterFromDescription(index, description))
      guessed += 1
    } else if (argLines.has(index)) {
      parameters.push({ name: `Parameter ${index}`, description: UNDESCRIBED_PARAMETER })
      gaps.push(`parameter ${index}: !analyze printed Arg${index} without a description`)
    } else {
      parameters.push({ name: `Parameter ${index}`, description: PARAMETER_PLACEHOLDER })
      gaps.push(`parameter ${index}: no Arg${index} line in the transcripts`)
    }
  }
  if (catalogCount === undefined && count === 0) gaps.push('parameters: no ArgN: lines, and the catalog does not say how many this bugcheck has')
  return { parameters, gaps, guessed }
}

const STOP_WORDS = new Set(['of', 'the', 'a', 'an', 'for', 'to', 'in', 'on', 'and', 'or', 'with', 'by', 'at', 'that', 'which', 'is', 'was', 'has', 'been'])
const MAX_NAME_WORDS = 6

/**
 * A parameter entry from the description `!analyze` printed: the description verbatim, a name
 * from its first words (`The thread's APC disable count` → `Thread's APC disable count`), and a
 * decoding where the words say it (an IRQL, an address).
 */
export function parameterFromDescription(index: number, description: string): ParameterEntry {
  const clause = (description.split(/[,.;:(]|\s-\s/)[0] ?? '').trim()
  const words = clause.split(/\s+/).filter(Boolean)
  if (words[0] && /^(?:the|a|an)$/i.test(words[0]) && words.length > 1) words.shift()
  const kept = words.slice(0, MAX_NAME_WORDS)
  while (kept.length > 1 && STOP_WORDS.has((kept.at(-1) as string).toLowerCase())) kept.pop()
  const joined = kept.join(' ')
  const name = joined ? joined.charAt(0).toUpperCase() + joined.slice(1) : `Parameter ${index}`
  const entry: ParameterEntry = { name, description }
  if (/\bIRQL\b/.test(clause)) entry.decode = 'irql'
  else if (/\b(?:address|pointer)\b/i.test(clause)) entry.decode = 'pointer'
  return entry
}
