// Triage of debugger output: which bugcheck it is, what its parameters mean, and what else
// `!analyze` said about the failure. Plain functions over text and the reference, no DOM and no
// Node: the site's triage page runs them in the browser, the `bugcheck` command in Node. The
// transcripts' tooltips read values with the same parser and decoder, so both always agree.
import { describeParameter, guessArchitecture, type Architecture, type ParameterReading } from './decode.ts'
import { findParameterMarks, groupFindings, type BugcheckFinding, type ParameterFormat, type ParameterMark } from './find.ts'
import { hexDigits, normaliseHex } from './hex.ts'
import { EMPTY_DOCS, type BugcheckReference, type BugcheckSubtype, type ParameterDocs, type ParameterIndex } from './model.ts'
import { matchSubtypes } from './decode.ts'
import type { ReferenceIndex } from './reference.ts'
import { splitLines } from './text.ts'

/** A bugcheck as triage reports it: the code, its four parameters and where they were read. */
export interface TriagedBugcheck {
  code: number
  /** The code as the site writes it in URLs and data (`0x20`). */
  hex: string
  /** Parameters 1-4 normalised (`0xffff`); `''` where the output did not show one. */
  parameters: string[]
  /** Digits printed per parameter (8 on 32-bit targets, 16 on 64-bit); 0 where unknown. */
  widths: number[]
  /** What `!analyze` printed after each `ArgN:` value; `''` where it printed nothing. */
  descriptions: string[]
  arch: Architecture
  /** The formats the code and parameters were read from, in order of first appearance. */
  formats: ParameterFormat[]
}

/** What `!analyze` says about the failure besides the bugcheck itself. */
export interface FailureDetails {
  /** `MODULE_NAME`. */
  module?: string
  /** `IMAGE_NAME`. */
  image?: string
  /** `FAILURE_BUCKET_ID`, else the `Key : Failure.Bucket` value. */
  bucket?: string
  /** `PROCESS_NAME`. */
  process?: string
  /** `SYMBOL_NAME`, else the first frame of `STACK_TEXT` that is not `nt!KeBugCheckEx`. */
  symbol?: string
  symbolSource?: 'SYMBOL_NAME' | 'STACK_TEXT'
  /** The one-line verdict of a short `!analyze` (`Probably caused by : hidusb.sys`). */
  probablyCausedBy?: string
}

/** A value that the output prints differently in two places (two dumps of the same code). */
export interface DifferingValue {
  /** 1-4. */
  index: number
  /** Every distinct value, the one shown first. */
  values: string[]
}

/** Why no bugcheck was found, beyond "none of the formats matched". */
export type NoneClue =
  | 'arguments-without-code' // Arg1-Arg4 or BUGCHECK_Pn lines, but no line that names the code
  | 'exception-analysis' // a user-mode `!analyze`: an exception, not a bugcheck
  | 'bugcheck-str' // BUGCHECK_STR only: a failure class, not always the code
  | 'analysis-fields' // MODULE_NAME, FAILURE_BUCKET_ID, ... without a code

export type TriageResult =
  | { kind: 'found'; bugcheck: TriagedBugcheck; details: FailureDetails; differing: DifferingValue[] }
  | { kind: 'ambiguous'; candidates: { bugcheck: TriagedBugcheck; details: FailureDetails; differing: DifferingValue[] }[] }
  | { kind: 'none'; empty: boolean; clues: NoneClue[]; details: FailureDetails }

export const triageKinds = ['found', 'ambiguous', 'none'] as const satisfies readonly TriageResult['kind'][]

/**
 * The formats triage recognises, named for people, each with real lines from the seed write-up
 * and Microsoft's docs. Keyed by the parser's own format names, so a format the parser learns
 * must be described here before the site builds.
 */
export const formatDescriptions: Record<ParameterFormat, { label: string; example: string[] }> = {
  'analyze-title': { label: '!analyze title line', example: ['KERNEL_APC_PENDING_DURING_EXIT (20)'] },
  'analyze-arg': { label: '!analyze Arg1–Arg4 lines', example: ["Arg2: 000000000000ffff, The thread's APC disable count"] },
  'analyze-field': { label: 'BUGCHECK_CODE and BUGCHECK_P1–P4 fields', example: ['BUGCHECK_CODE:  20', 'BUGCHECK_P2: ffff'] },
  'analyze-key': { label: '!analyze key and value', example: ['Key  : Bugcheck.Code.LegacyAPI', 'Value: 0x20'] },
  'dump-info': { label: '!di or !mex.di', example: ['Bugcheck: 20 (0, FFFF, 0, 1)'] },
  banner: { label: 'banner printed when a dump loads', example: ['BugCheck 9F, {3, ffffe000f38c06a0, fffff803c596cad0, ffffe000f46a1010}'] },
  'dot-bugcheck': { label: '.bugcheck', example: ['Bugcheck code 0000001e', 'Arguments c0000005 8013cd0a 00000000 0362cfff'] },
  'stop-screen': { label: 'blue screen text', example: ['*** STOP: 0x000000F2 (0xFCA7C55C, 0x817B9B28, 0x817D2AA0, 0x00000002)'] },
}

export const clueDescriptions: Record<NoneClue, string> = {
  'arguments-without-code':
    'It has parameter lines (Arg1–Arg4 or BUGCHECK_P1–P4) but no line naming the code: include the title line above “Arguments:”, such as KERNEL_APC_PENDING_DURING_EXIT (20), or the BUGCHECK_CODE line.',
  'exception-analysis':
    'It looks like a user-mode “Exception Analysis”: an application crash, not a bugcheck. Triage reads kernel dumps (blue screens).',
  'bugcheck-str':
    'It has a BUGCHECK_STR line, which is a failure class that is not always the code: include the BUGCHECK_CODE line or the Arguments block.',
  'analysis-fields': 'It has !analyze fields (such as MODULE_NAME or FAILURE_BUCKET_ID) but none that names the code.',
}

// Long values are clipped: a field of a mangled paste can run to thousands of characters.
const MAX_VALUE = 200
// No field or stack frame is this long; longer lines (raw memory, pasted binary) are not read, so
// that no pattern can take long over them.
const MAX_LINE = 2000
// Values are trimmed in code, not by a lazy `.*?` before `\s*$`, which is slow on long blank runs.
const RE_FIELD = /^\s*(MODULE_NAME|IMAGE_NAME|FAILURE_BUCKET_ID|PROCESS_NAME|SYMBOL_NAME)\s*:\s*(\S.*)$/
const RE_BUCKET_KEY = /^\s*Key\s*:\s*Failure\.Bucket\s*$/
const RE_VALUE = /^\s*Value\s*:\s*(\S.*)$/
const RE_STACK_TEXT = /^\s*STACK_TEXT\s*:\s*$/
// A frame starts with its stack address: `ffffd98c`3ff17428 …` (x64) or `a8f6f9d4 …` (x86).
const RE_FRAME = /^\s*[0-9a-fA-F`]{8,}\s/
const RE_FIELD_START = /^\s*[A-Za-z_]+\s*:/
const RE_BUGCHECK_FRAME = /^nt\w*!_?KeBugCheck(?:Ex|2)?(?![A-Za-z0-9_])/i
const RE_CAUSED_BY = /^\s*Probably caused by\s*:\s*(\S.*)$/
const RE_EXCEPTION_ANALYSIS = /^\s*\*\s+Exception Analysis\s+\*\s*$/
const RE_BUGCHECK_STR = /^\s*BUGCHECK_STR\s*:\s*\S/

const FIELD_KEYS = {
  MODULE_NAME: 'module',
  IMAGE_NAME: 'image',
  FAILURE_BUCKET_ID: 'bucket',
  PROCESS_NAME: 'process',
  SYMBOL_NAME: 'symbol',
} as const

function clip(value: string): string {
  const trimmed = value.trimEnd()
  return trimmed.length > MAX_VALUE ? `${trimmed.slice(0, MAX_VALUE)}…` : trimmed
}

/** The symbol of one `STACK_TEXT` frame: after the last ` : ` (x64), else the last word (x86). */
function frameSymbol(line: string): string | undefined {
  const columns = line.split(' : ')
  const last = (columns.length > 1 ? columns[columns.length - 1] : line) ?? ''
  // `k` with source lines appends `[d:\path\file.c @ 944]`.
  const source = last.lastIndexOf(' [')
  const symbol = (source >= 0 && last.trimEnd().endsWith(']') ? last.slice(0, source) : last).trim()
  const word = columns.length > 1 ? symbol : symbol.split(/\s+/).pop()
  return word ? word : undefined
}

/** Collects failure details per bugcheck code, for the lines that follow that code's report. */
class DetailsReader {
  private byCode = new Map<number | undefined, FailureDetails>()
  private stackTop = new Map<number | undefined, string>()
  private pendingBucket = false
  private inStack = false

  read(line: string, code: number | undefined): void {
    if (line.length > MAX_LINE) return
    const details = this.detailsOf(code)
    if (this.pendingBucket && line.trim() !== '') {
      this.pendingBucket = false
      const value = RE_VALUE.exec(line)?.[1]
      if (value && details.bucket === undefined) details.bucket = clip(value)
      if (value) return
    }
    if (this.inStack) {
      if (line.trim() === '') {
        this.inStack = false
        return
      }
      if (RE_FRAME.test(line)) {
        const symbol = frameSymbol(line)
        if (symbol && !RE_BUGCHECK_FRAME.test(symbol) && !this.stackTop.has(code)) this.stackTop.set(code, clip(symbol))
        return
      }
      // Warnings inside the stack (`WARNING: Stack unwind information not available`) are skipped;
      // the next field (`SYMBOL_NAME:`, `STACK_COMMAND:`) ends it.
      if (/^\s*WARNING\b/.test(line) || !RE_FIELD_START.test(line)) return
      this.inStack = false
    }
    let match: RegExpExecArray | null
    if ((match = RE_FIELD.exec(line))) {
      const key = FIELD_KEYS[match[1] as keyof typeof FIELD_KEYS]
      if (details[key] === undefined) details[key] = clip(match[2] as string)
      if (key === 'symbol') details.symbolSource = 'SYMBOL_NAME'
    } else if (RE_BUCKET_KEY.test(line)) {
      this.pendingBucket = true
    } else if (RE_STACK_TEXT.test(line)) {
      this.inStack = true
    } else if ((match = RE_CAUSED_BY.exec(line))) {
      details.probablyCausedBy ??= clip(match[1] as string)
    }
  }

  /** The details of one code, with the stack's top frame where `SYMBOL_NAME` was missing. */
  finish(code: number | undefined): FailureDetails {
    const details = { ...this.detailsOf(code) }
    const top = this.stackTop.get(code)
    if (details.symbol === undefined && top !== undefined) {
      details.symbol = top
      details.symbolSource = 'STACK_TEXT'
    }
    return details
  }

  private detailsOf(code: number | undefined): FailureDetails {
    let details = this.byCode.get(code)
    if (!details) {
      details = {}
      this.byCode.set(code, details)
    }
    return details
  }
}

/** Treats a 32-bit value the debugger sign-extended to 64 bits (`ffffffff9a02381e`) as itself. */
function comparable(value: string): string {
  const digits = value.slice(2)
  if (digits.length === 16 && digits.startsWith('ffffffff') && /^[89a-f]/.test(digits.slice(8))) return `0x${digits.slice(8)}`
  return value
}

function differingValues(finding: BugcheckFinding): DifferingValue[] {
  const differing: DifferingValue[] = []
  for (let index = 1; index <= 4; index++) {
    const values: string[] = []
    const seen = new Set<string>()
    for (const found of finding.marks) {
      if (found.index !== index) continue
      const value = normaliseHex(found.text)
      if (seen.has(comparable(value))) continue
      seen.add(comparable(value))
      values.push(value)
    }
    if (values.length > 1) differing.push({ index, values })
  }
  return differing
}

/** A finding of the parser as triage reports it. */
export function toTriaged(finding: BugcheckFinding): TriagedBugcheck {
  const formats: ParameterFormat[] = []
  for (const found of finding.marks) if (!formats.includes(found.format)) formats.push(found.format)
  return {
    code: finding.code,
    hex: normaliseHex(finding.code.toString(16)),
    parameters: [...finding.parameters],
    widths: [...finding.widths],
    descriptions: [...finding.descriptions],
    arch: guessArchitecture(finding.widths),
    formats,
  }
}

/**
 * A bugcheck from values someone typed rather than found in output (`bugcheck show 0x9f 3 …`,
 * `!runbook 0x9f 3 …`): read as a paste of them would be, the target guessed from the digits
 * typed unless given.
 */
export function bugcheckFromValues(code: number, texts: readonly string[], arch?: Architecture): TriagedBugcheck {
  const widths = texts.map(hexDigits)
  return {
    code,
    hex: normaliseHex(code.toString(16)),
    parameters: [0, 1, 2, 3].map((position) => (texts[position] === undefined ? '' : normaliseHex(texts[position] as string))),
    widths,
    descriptions: ['', '', '', ''],
    arch: arch ?? guessArchitecture(widths),
    formats: [],
  }
}

function codeOf(found: ParameterMark): number {
  return Number.parseInt(normaliseHex(found.text).slice(2), 16)
}

function noneClues(lines: readonly string[], marks: readonly ParameterMark[], details: FailureDetails): NoneClue[] {
  const clues: NoneClue[] = []
  if (marks.some((found) => found.index > 0)) clues.push('arguments-without-code')
  if (lines.some((line) => RE_EXCEPTION_ANALYSIS.test(line))) clues.push('exception-analysis')
  if (lines.some((line) => RE_BUGCHECK_STR.test(line))) clues.push('bugcheck-str')
  if (Object.keys(details).length > 0) clues.push('analysis-fields')
  return clues
}

/**
 * Reads pasted debugger output: the bugcheck code and parameters in any format WinDbg prints them,
 * and the failure details `!analyze` adds. Several different codes make the result ambiguous;
 * each candidate keeps the details printed after its own report.
 *
 * @example
 *   triage('BugCheck 20, {0, ffff, 0, 1}')
 *   // { kind: 'found', bugcheck: { code: 32, parameters: ['0x0', '0xffff', '0x0', '0x1'], … }, … }
 */
export function triage(text: string): TriageResult {
  const lines = splitLines(text)
  const marks = findParameterMarks(lines)
  const findings = groupFindings(marks)
  // Details belong to the code whose report they follow; lines before any code go to the first.
  const codeMarks = marks.filter((found) => found.index === 0)
  const firstCode = codeMarks[0] === undefined ? undefined : codeOf(codeMarks[0])
  const reader = new DetailsReader()
  let next = 0
  let current = firstCode
  lines.forEach((line, index) => {
    while (next < codeMarks.length && (codeMarks[next] as ParameterMark).line <= index) {
      current = codeOf(codeMarks[next] as ParameterMark)
      next += 1
    }
    reader.read(line, current)
  })
  const [first] = findings
  if (findings.length === 0 || first === undefined) {
    const details = reader.finish(undefined)
    return { kind: 'none', empty: text.trim() === '', clues: noneClues(lines, marks, details), details }
  }
  if (findings.length === 1) {
    return { kind: 'found', bugcheck: toTriaged(first), details: reader.finish(first.code), differing: differingValues(first) }
  }
  return {
    kind: 'ambiguous',
    candidates: findings.map((finding) => ({
      bugcheck: toTriaged(finding),
      details: reader.finish(finding.code),
      differing: differingValues(finding),
    })),
  }
}

/** A runbook of the site, as the reference's consumers list them. */
export interface RunbookLink {
  title: string
  /** The runbook's path on the site (`/runbooks/0x20-kmutex-not-released/`). */
  url: string
  summary?: string
}

/** What the reference says about a found code: its entry, its runbooks and its documentation. */
export interface CodeKnowledge {
  entry?: BugcheckReference
  /** The code whose parameters a variant shares (`0x7e` for `0x1000007e`), where it is another. */
  parametersOf?: BugcheckReference
  runbooks: RunbookLink[]
  docs: ParameterDocs
}

/**
 * Looks a code up in the reference. A variant code (`0x1000007e`) takes the parameters of its
 * code, and that code's runbooks where it has none of its own.
 */
export function knowledgeOf(index: ReferenceIndex | undefined, code: number, runbooksOf: (entry: BugcheckReference) => RunbookLink[] = () => []): CodeKnowledge {
  const entry = index?.get(code)
  if (!index || !entry) return { runbooks: [], docs: EMPTY_DOCS }
  const base = index.parametersOf(code)
  const knowledge: CodeKnowledge = { entry, runbooks: runbooksOf(entry), docs: index.docs(code) }
  if (base && base !== entry) {
    knowledge.parametersOf = base
    if (knowledge.runbooks.length === 0) knowledge.runbooks = runbooksOf(base)
  }
  return knowledge
}

/** One row of the parameter table: the value as found, and how it reads. */
export interface ParameterRow {
  /** 1-4. */
  index: ParameterIndex
  /** `undefined` where the output did not show this parameter. */
  reading?: ParameterReading
}

/**
 * Reads the four parameters with the transcripts' decoder: the reference's documentation, and the
 * debugger's own descriptions where the reference has none.
 */
export function readParameters(
  bugcheck: TriagedBugcheck,
  docs: ParameterDocs | undefined,
  bugcheckName?: (code: number) => string | undefined,
): ParameterRow[] {
  return ([1, 2, 3, 4] as const).map((index) => {
    const text = bugcheck.parameters[index - 1] ?? ''
    if (text === '') return { index }
    const reading = describeParameter({
      index,
      text,
      parameters: bugcheck.parameters,
      docs: docs ?? EMPTY_DOCS,
      printedDescription: bugcheck.descriptions[index - 1] || undefined,
      arch: bugcheck.arch,
      bugcheckName,
    })
    return { index, reading }
  })
}

/** The cases of the reference that apply to the bugcheck's values, most specific first. */
export function subtypesOf(bugcheck: TriagedBugcheck, docs: ParameterDocs): BugcheckSubtype[] {
  return matchSubtypes(docs, bugcheck.parameters)
}
