import { hexDigits, normaliseHex } from './hex.ts'
import { splitLines } from './text.ts'

export { normaliseHex }

/** Where the debugger printed a bugcheck code or parameter, and in which of its formats. */
export type ParameterFormat =
  | 'analyze-title' // KERNEL_APC_PENDING_DURING_EXIT (20)
  | 'analyze-arg' // Arg2: 000000000000ffff, The thread's APC disable count
  | 'analyze-field' // BUGCHECK_CODE:  20 / BUGCHECK_P2: ffff
  | 'analyze-key' // Key  : Bugcheck.Code.LegacyAPI / Value: 0x20
  | 'dump-info' // Bugcheck: 20 (0, FFFF, 0, 1)   (!di, !mex.di)
  | 'banner' // BugCheck 20, {0, ffff, 0, 1}      (printed when a dump loads)
  | 'dot-bugcheck' // Bugcheck code 00000020 / Arguments 00000000 0000ffff ...
  | 'stop-screen' // *** STOP: 0x000000F2 (0xFCA7C55C, ...)

/** One bugcheck code or parameter value found in debugger output. */
export interface ParameterMark {
  /** Zero-based line index in the text that was scanned. */
  line: number
  /** Column range of the value in that line (end exclusive). */
  start: number
  end: number
  /** 0 for the bugcheck code, 1-4 for the parameters. */
  index: number
  /** The value as printed, e.g. `000000000000ffff`. */
  text: string
  format: ParameterFormat
  /** Marks of one report (one `!analyze`, one banner, ...) share a group number. */
  group: number
  /** For `ArgN:` lines, the description the debugger printed after the value. */
  description?: string
}

/** A bugcheck as found in debugger output. */
export interface BugcheckFinding {
  /** The bugcheck code, e.g. `0x20` as the number 32. */
  code: number
  /** Parameters 1-4 as `0x`-prefixed lower-case hex without leading zeros; `''` where the output did not show one. */
  parameters: string[]
  /** The digits the debugger printed for each parameter (8 on 32-bit targets, 16 on 64-bit); 0 where unknown. */
  widths: number[]
  /** The descriptions `!analyze` printed after each parameter, where it did. */
  descriptions: string[]
  /** Every mark that contributed. */
  marks: ParameterMark[]
}

const HEX = '[0-9a-fA-F]+(?:`[0-9a-fA-F]+)?'
// What an author writes after a value: `BUGCHECK_P2: 2 (write access)`, `Value: 0x50 <--- here`,
// `Bugcheck code 0000001e   // the code`. The value is read; the note is not.
const NOTE = String.raw`(?:\s+(?:\(.*\)|<-+.*|-+>.*|\/\/.*|#.*|;.*|\[.*\]))?`
const RE_TITLE = /^(\s*)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:_M)?) \(([0-9a-fA-F]{1,8})\)\s*$/
const RE_ARG = new RegExp(`^(\\s*Arg([1-4]):\\s*)(${HEX})(?:,\\s*(.*)|\\s+(?:\\(.*\\)|<-+.*))?\\s*$`)
const RE_FIELD_CODE = new RegExp(`^(\\s*BUGCHECK_CODE:\\s*)((?:0x)?[0-9a-fA-F]{1,8})${NOTE}\\s*$`)
const RE_FIELD_PARAM = new RegExp(`^(\\s*BUGCHECK_P([1-4]):\\s*)((?:0x)?${HEX})${NOTE}\\s*$`)
const RE_KEY_CODE = /^\s*Key\s*:\s*Bugcheck\.Code\.(?:LegacyAPI|KiBugCheckData|TargetModel)\s*$/
const RE_VALUE = new RegExp(`^(\\s*Value:\\s*)((?:0x)?[0-9a-fA-F]{1,8})${NOTE}\\s*$`)
const RE_DUMP_INFO = /^(\s*Bugcheck:\s+)((?:0x)?[0-9a-fA-F]{1,8})(\s+\()([^)]*)\)/
const RE_BANNER = /^(\s*BugCheck\s+)((?:0x)?[0-9a-fA-F]{1,8})(,\s*\{)([^}]*)\}/
const RE_DOT_CODE = new RegExp(`^(\\s*Bugcheck code\\s+)((?:0x)?[0-9a-fA-F]{1,8})${NOTE}\\s*$`)
const RE_DOT_ARGS = new RegExp(`^(\\s*Arguments\\s+)([0-9a-fA-F\`]+(?:\\s+[0-9a-fA-F\`]+)*)${NOTE}\\s*$`)
const RE_STOP = /^(\s*\*\*\*\s*STOP:\s*)(0x[0-9a-fA-F]{1,8})(\s*\()([^)]*)\)/
const RE_LIST_VALUE = /(?:0x)?[0-9a-fA-F`]+/g

/** Marks each value of a comma- or space-separated list (`0, FFFF, 0, 1`) starting at `offset`. */
function listMarks(
  list: string,
  offset: number,
  line: number,
  group: number,
  format: ParameterFormat,
): ParameterMark[] {
  const marks: ParameterMark[] = []
  for (const match of list.matchAll(RE_LIST_VALUE)) {
    if (marks.length === 4) break
    const start = offset + (match.index ?? 0)
    marks.push({ line, start, end: start + match[0].length, index: marks.length + 1, text: match[0], format, group })
  }
  return marks
}

function mark(
  line: number,
  start: number,
  text: string,
  index: number,
  format: ParameterFormat,
  group: number,
): ParameterMark {
  return { line, start, end: start + text.length, index, text, format, group }
}

/** Reports on one line, a code then its list: `Bugcheck: 20 (…)`, `BugCheck 20, {…}`, `*** STOP: 0x… (…)`. */
const ONE_LINE_REPORTS: readonly [RegExp, ParameterFormat][] = [
  [RE_DUMP_INFO, 'dump-info'],
  [RE_BANNER, 'banner'],
  [RE_STOP, 'stop-screen'],
]

function oneLineReport(line: string): { match: RegExpExecArray; format: ParameterFormat } | undefined {
  for (const [pattern, format] of ONE_LINE_REPORTS) {
    const match = pattern.exec(line)
    if (match) return { match, format }
  }
  return undefined
}

/**
 * The marks of a one-line report matched as (prefix)(code)(separator)(list): the code, then up to
 * four parameters.
 */
function codeAndList(match: RegExpExecArray, line: number, group: number, format: ParameterFormat): ParameterMark[] {
  const [, prefix = '', code = '', separator = '', list = ''] = match
  const codeStart = prefix.length
  return [mark(line, codeStart, code, 0, format, group), ...listMarks(list, codeStart + code.length + separator.length, line, group, format)]
}

/**
 * Finds every bugcheck code and parameter value in debugger output, in all the formats WinDbg
 * prints them. Stack frames are never read: `nt!KeBugCheckEx` frames can show an argument that is
 * not the bugcheck code.
 */
export function findParameterMarks(lines: readonly string[]): ParameterMark[] {
  const marks: ParameterMark[] = []
  // A group is one report: an `!analyze` run, a banner, a `!di` line, a `.bugcheck` reply.
  let group = 0
  let analyzeGroup = -1
  let pendingKey = false
  let pendingDotArgs = -1
  // `!analyze` wraps long parameter descriptions onto indented lines.
  let lastArg: { mark: ParameterMark; indent: number } | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (lastArg) {
      const indent = /^\s*/.exec(line)?.[0].length ?? 0
      if (indent > lastArg.indent && line.trim() !== '' && !RE_ARG.test(line)) {
        lastArg.mark.description = `${lastArg.mark.description ?? ''} ${line.trim()}`.trim()
        continue
      }
      lastArg = undefined
    }
    // Quick reject: every format has one of these letters early in the line.
    if (line.length > 400 || !/[A-Za-z*]/.test(line)) {
      pendingKey = false
      continue
    }
    let match: RegExpExecArray | null
    let report: ReturnType<typeof oneLineReport>
    if (pendingKey && (match = RE_VALUE.exec(line))) {
      marks.push(mark(index, (match[1] as string).length, match[2] as string, 0, 'analyze-key', analyzeGroup < 0 ? ++group : analyzeGroup))
      pendingKey = false
      continue
    }
    pendingKey = false
    if (pendingDotArgs >= 0 && (match = RE_DOT_ARGS.exec(line))) {
      marks.push(...listMarks(match[2] as string, (match[1] as string).length, index, pendingDotArgs, 'dot-bugcheck'))
      pendingDotArgs = -1
      continue
    }
    pendingDotArgs = -1
    if ((match = RE_TITLE.exec(line))) {
      analyzeGroup = ++group
      const start = (match[1] as string).length + (match[2] as string).length + 2
      marks.push(mark(index, start, match[3] as string, 0, 'analyze-title', analyzeGroup))
    } else if ((match = RE_ARG.exec(line))) {
      if (analyzeGroup < 0) analyzeGroup = ++group
      const found = mark(index, (match[1] as string).length, match[3] as string, Number(match[2]), 'analyze-arg', analyzeGroup)
      if (match[4]) found.description = match[4].trim()
      marks.push(found)
      lastArg = { mark: found, indent: /^\s*/.exec(line)?.[0].length ?? 0 }
    } else if ((match = RE_FIELD_CODE.exec(line))) {
      if (analyzeGroup < 0) analyzeGroup = ++group
      marks.push(mark(index, (match[1] as string).length, match[2] as string, 0, 'analyze-field', analyzeGroup))
    } else if ((match = RE_FIELD_PARAM.exec(line))) {
      if (analyzeGroup < 0) analyzeGroup = ++group
      marks.push(mark(index, (match[1] as string).length, match[3] as string, Number(match[2]), 'analyze-field', analyzeGroup))
    } else if (RE_KEY_CODE.test(line)) {
      pendingKey = true
    } else if ((report = oneLineReport(line))) {
      marks.push(...codeAndList(report.match, index, ++group, report.format))
    } else if ((match = RE_DOT_CODE.exec(line))) {
      pendingDotArgs = ++group
      marks.push(mark(index, (match[1] as string).length, match[2] as string, 0, 'dot-bugcheck', pendingDotArgs))
    }
  }
  return marks
}

/**
 * Gathers marks into one finding per distinct bugcheck code, in the order the codes first appear.
 * Marks of a report without a code (`Arg` lines pasted alone) join the finding of the report
 * nearest before them, or stay out when there is none.
 */
export function groupFindings(marks: readonly ParameterMark[]): BugcheckFinding[] {
  const codeOfGroup = new Map<number, number>()
  for (const found of marks) {
    if (found.index === 0 && !codeOfGroup.has(found.group)) {
      codeOfGroup.set(found.group, Number.parseInt(normaliseHex(found.text).slice(2), 16))
    }
  }
  const findings = new Map<number, BugcheckFinding>()
  let lastCode: number | undefined
  for (const found of marks) {
    const code = codeOfGroup.get(found.group) ?? lastCode
    if (code === undefined) continue
    lastCode = code
    let finding = findings.get(code)
    if (!finding) {
      finding = { code, parameters: ['', '', '', ''], widths: [0, 0, 0, 0], descriptions: ['', '', '', ''], marks: [] }
      findings.set(code, finding)
    }
    finding.marks.push(found)
    const slot = found.index - 1
    if (slot >= 0 && finding.parameters[slot] === '') finding.parameters[slot] = normaliseHex(found.text)
    // The widest printing tells the target's pointer size: `!di` drops leading zeros, `Arg` lines
    // print all 8 or 16 digits.
    if (slot >= 0) finding.widths[slot] = Math.max(finding.widths[slot] ?? 0, hexDigits(found.text))
    if (slot >= 0 && found.description && finding.descriptions[slot] === '') {
      finding.descriptions[slot] = found.description
    }
  }
  return [...findings.values()]
}

/** Every distinct bugcheck found in the text, in order of first appearance. */
export function findBugchecks(text: string): BugcheckFinding[] {
  return groupFindings(findParameterMarks(splitLines(text)))
}

/**
 * The bugcheck code and parameters in debugger output, from any of the formats WinDbg prints
 * (`!analyze -v`, `!di`, the dump banner, `.bugcheck`, `BUGCHECK_Pn` fields, the blue screen text).
 * Where the output holds several codes, the first one is returned; {@link findBugchecks} returns all.
 *
 * @example
 *   findBugcheck('Bugcheck: 20 (0, FFFF, 0, 1)')
 *   // { code: 32, parameters: ['0x0', '0xffff', '0x0', '0x1'], … }
 */
export function findBugcheck(text: string): { code: number; parameters: string[] } | null {
  const [first] = findBugchecks(text)
  return first ?? null
}
