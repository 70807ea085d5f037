import type { Code } from 'mdast'
import type { Settings } from './options.ts'
import { findBugchecks } from 'bugcheck-reference'
import { isTranscript } from './parse/transcript.ts'

// Which fences the plugin renders, on its own so that tools (the contributor check, the importer)
// agree with the site without loading the highlighter.

/** Whether a fence is a WinDbg transcript, by its language tag and, where that allows, its content. */
export function isWindbgFence(node: Pick<Code, 'lang' | 'value'>, settings: Settings): boolean {
  const lang = node.lang?.toLowerCase()
  if (!lang) return settings.detectUntagged && isTranscript(node.value)
  if (settings.languages.has(lang)) return true
  if (settings.detectIn.has(lang)) return isTranscript(node.value) || findBugchecks(node.value).length > 0
  return false
}

