// The plugin's own detection, so the tools agree with what the site renders.
import { findBugchecks, isTranscript, isWindbgFence, matchPrompt, resolveOptions, splitLines } from 'remark-windbg/parser'

// astro.config.mjs passes no detection options, so the site renders with the plugin's defaults.
const siteSettings = resolveOptions(undefined)

/** Whether the site renders this fence as a WinDbg transcript. */
export function rendersAsTranscript(lang: string | undefined, value: string): boolean {
  return isWindbgFence({ lang: lang ?? null, value }, siteSettings)
}

/**
 * Whether an untagged fence is debugger output by the rule the plugin applies to fences that may
 * or may not be transcripts (`dbgcmd`): it starts with a prompt, or it prints a bugcheck. A
 * pasted `!analyze -v` without its prompt line is still a transcript worth tagging.
 */
export function isDebuggerOutput(value: string): boolean {
  return isWindbgFence({ lang: 'dbgcmd', value }, siteSettings)
}

/** The 0-based index of the first line of the text that is a debugger prompt, or -1. */
export function firstPromptLine(value: string): number {
  return splitLines(value).findIndex((line) => matchPrompt(line) !== null)
}

export { findBugchecks, isTranscript }
