import { splitLines } from 'bugcheck-reference'
import { matchPrompt } from './prompt.ts'

export { splitLines }

/** One command typed at a debugger prompt and what the debugger printed in reply. */
export interface TranscriptStep {
  /** The prompt without its trailing space, e.g. `4: kd>`. */
  prompt: string
  /** The command as typed, without an author's note after it, e.g. `!analyze -v`; `''` for a bare prompt. */
  command: string
  /** The output lines, verbatim. */
  output: string[]
  /** An author's note on the command line: `kd> kb      start with a stack trace` or `kd> kb $$ note`. */
  note?: string
  /** Heading marks or earlier prompts pasted before the prompt on its line (`## `, `0:000>`). */
  lead?: string
  /** The prompt line exactly as written. */
  raw: string
  /** Zero-based index of the prompt line in the transcript text. */
  line: number
}

export interface Transcript {
  /** Lines before the first prompt (output pasted without its command, banners). */
  preamble: string[]
  steps: TranscriptStep[]
}

// WinDbg's own comment token: `$$` comments out the rest of the command.
const RE_COMMENT = /^(.*?)\s*\$\$\s?(.*)$/
// Write-ups often explain a command on its own line after a wide gap:
// `kd> .bugcheck                 get the bug check data`. A gap of four spaces or a tab, then words.
const RE_SPACED_NOTE = /^(\S.*?)(?: {4,}|\t+)([A-Za-z][\w'’,.()-]*(?: +[\w'’,.()/-]+)+)$/

/** Separates a command from an author's note written after it on the same line. */
export function splitCommandNote(typed: string): { command: string; note?: string } {
  const trimmed = typed.trim()
  if (trimmed.startsWith('$$')) return { command: trimmed }
  const comment = RE_COMMENT.exec(trimmed)
  if (comment && comment[1]) return { command: comment[1], note: comment[2] ?? '' }
  const spaced = RE_SPACED_NOTE.exec(trimmed)
  if (spaced && spaced[1] && spaced[2]) return { command: spaced[1].trimEnd(), note: spaced[2] }
  return { command: trimmed }
}

/**
 * Splits a transcript into steps: each debugger prompt starts one, and the lines up to the next
 * prompt are its output. Lines before the first prompt form the preamble.
 *
 * @example
 *   parseTranscript('4: kd> !di\nBugcheck: 20 (0, FFFF, 0, 1)')
 *   // { preamble: [], steps: [{ prompt: '4: kd>', command: '!di', output: ['Bugcheck: 20 (0, FFFF, 0, 1)'], … }] }
 */
export function parseTranscript(text: string): Transcript {
  return parseTranscriptLines(splitLines(text))
}

/** {@link parseTranscript} over text already split into lines. */
export function parseTranscriptLines(lines: readonly string[]): Transcript {
  const preamble: string[] = []
  const steps: TranscriptStep[] = []
  let current: TranscriptStep | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    const prompt = matchPrompt(line)
    if (prompt) {
      const { command, note } = splitCommandNote(prompt.rest)
      current = { prompt: prompt.prompt, command, output: [], raw: line, line: index }
      if (prompt.lead) current.lead = prompt.lead
      if (note !== undefined) current.note = note
      steps.push(current)
    } else if (current) {
      current.output.push(line)
    } else {
      preamble.push(line)
    }
  }
  return { preamble, steps }
}

/**
 * Whether the text is a debugger session: a line holds a prompt with a command, anywhere in it.
 * Pasted sessions often open with the debugger's banner, a break-in message or output, so the
 * first line decides nothing; a bare prompt alone does not make a transcript.
 */
export function isTranscript(text: string): boolean {
  for (const line of splitLines(text)) {
    // Quick reject: every prompt has a `>` early in the line.
    const close = line.indexOf('>')
    if (close < 0 || close > 80) continue
    const prompt = matchPrompt(line)
    if (prompt && prompt.rest.trim() !== '') return true
  }
  return false
}
