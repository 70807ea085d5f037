/**
 * Debugger prompts, as WinDbg, KD and CDB print them.
 *
 * Kernel: `kd>`, `0: kd>`, `0:kd>`, `lkd>` (local kernel debugging).
 * User mode: `0:000>`, `0:000:x86>` (WOW64), `3:2:005>` and `||1:1:017>` (system:process:thread).
 *
 * Not prompts: `windbg>`, `***>`, `->`, and output lines that begin with `>` (the current IRP
 * stack location in `!irp`, the current device in `!devstack`).
 */
const RE_PROMPT =
  /^([ \t]*)((?:\d+: ?)?l?kd>|(?:\|\|)?(?:\d+:){1,2}\d{3}(?::[a-z][a-z0-9]*)?>)(.*)$/

export interface PromptMatch {
  /** White space before the prompt (whole transcripts are sometimes indented). */
  indent: string
  /** The prompt without the space after it, e.g. `4: kd>`. */
  prompt: string
  /** What follows the prompt and its single separating space, as typed. */
  rest: string
}

/**
 * Matches a debugger prompt at the start of a line.
 *
 * The command may be glued to the prompt (`kd>!analyze -v`) or missing (a bare `0:001>`).
 */
export function matchPrompt(line: string): PromptMatch | null {
  const match = RE_PROMPT.exec(line)
  if (!match) return null
  const [, indent = '', prompt = '', after = ''] = match
  // One space separates prompt and command; any further white space is part of what was typed.
  const rest = after.startsWith(' ') ? after.slice(1) : after
  return { indent, prompt, rest }
}
