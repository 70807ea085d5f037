/**
 * Debugger prompts, as WinDbg, KD and CDB print them, and as they get pasted.
 *
 * Kernel: `kd>`, `0: kd>`, `0:kd>`, `lkd>` (local kernel debugging).
 * User mode: `0:000>`, `0:000:x86>` (WOW64), `3:2:005>` and `||1:1:017>` (system:process:thread).
 * Printed malformed, and still steps: `3: 3: kd>`, `0 kd>`, `:000>`.
 *
 * Not prompts: `windbg>`, `***>`, `->`, `PS C:\>`, `C:\>`, and output lines that begin with `>`
 * (the current IRP stack location in `!irp`, the current device in `!devstack`).
 */
const WELL_FORMED = String.raw`(?:\d+:[ ]?)?l?kd>|(?:\|\|)?(?:\d+:){1,2}\d{3}(?::[a-z][a-z0-9]*)?>`
const MALFORMED = String.raw`(?:\d+:[ ]?){2,}kd>|\d+[ ]kd>|:\d{3}>`
// Markdown heading marks pasted into a fence with the line: `## 0:001> !cs`.
const RE_PROMPT = new RegExp(`^([ \\t]*)((?:#{1,6}[ \\t]+)?)(${MALFORMED}|${WELL_FORMED})(.*)$`)
// A prompt pasted twice in front of the one the command was typed at: `0:000>2: kd> k`.
const RE_REPEATED = new RegExp(`^(${WELL_FORMED})(.*)$`)

export interface PromptMatch {
  /** White space before the prompt (whole transcripts are sometimes indented). */
  indent: string
  /**
   * What stands between the indent and the step's prompt: Markdown heading marks (`## `), and
   * prompts pasted before it (`0:000>` in `0:000>2: kd> k`). Shown, never part of the command.
   */
  lead: string
  /** The prompt without the space after it, e.g. `4: kd>`: the last one on the line. */
  prompt: string
  /** What follows the prompt and its single separating space, as typed. */
  rest: string
}

/**
 * Matches a debugger prompt at the start of a line.
 *
 * The command may be glued to the prompt (`kd>!analyze -v`) or missing (a bare `0:001>`).
 *
 * @example
 *   matchPrompt('## 0:001> !cs') // { indent: '', lead: '## ', prompt: '0:001>', rest: '!cs' }
 *   matchPrompt('0:000>2: kd> k') // { indent: '', lead: '0:000>', prompt: '2: kd>', rest: 'k' }
 */
export function matchPrompt(line: string): PromptMatch | null {
  const match = RE_PROMPT.exec(line)
  if (!match) return null
  const [, indent = '', marks = '', first = ''] = match
  let prompt = first
  let after = match[4] ?? ''
  let lead = marks
  let repeated: RegExpExecArray | null
  while ((repeated = RE_REPEATED.exec(after))) {
    lead += prompt
    prompt = repeated[1] as string
    after = repeated[2] ?? ''
  }
  // One space separates prompt and command; any further white space is part of what was typed.
  const rest = after.startsWith(' ') ? after.slice(1) : after
  return { indent, lead, prompt, rest }
}
