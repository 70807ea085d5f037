// `!runbook` inside WinDbg: what the open dump's bugcheck means, from the same reference,
// parser and decoders as the site, and which runbooks cover it. Bundled by the site's build into
// one classic script (dist/windbg/runbook.js, ES2017, the reference inside); WinDbg's JavaScript
// provider loads it with `.scriptload` and calls `initializeScript`.
import { findBugchecks } from '../find.ts'
import { parseU64 } from '../hex.ts'
import type { ApiCode, ApiDocument } from '../api.ts'
import { indexReference } from '../reference.ts'
import { bugcheckFromValues, knowledgeOf, readParameters, subtypesOf, toTriaged, type TriagedBugcheck } from '../triage.ts'

/** The parts of WinDbg's `host` object this script uses. */
export interface DebuggerHost {
  diagnostics: { debugLog(...values: unknown[]): void }
  namespace: { Debugger: { Utility: { Control: { ExecuteCommand(command: string): Iterable<unknown> } } } }
  apiVersionSupport: new (major: number, minor: number) => unknown
  functionAlias: new (callable: (...args: unknown[]) => unknown, name: string) => unknown
}

/** What `dx @$runbook()` shows: the same facts as the printed report. */
export interface RunbookResult {
  code: string
  name: string | null
  summary: string | null
  parameters: { index: number; value: string; name: string; meaning: string; decoded: string }[]
  subtype: string | null
  page: string | null
  runbooks: string[]
  toString(): string
}

/** The host's command output as lines, whatever collection it comes in. */
function lines(output: Iterable<unknown>): string[] {
  const result: string[] = []
  for (const line of output) result.push(String(line))
  return result
}

/** An argument as the data model passes it: a number, a 64-bit value object, or text. */
function argumentText(value: unknown): string {
  if (typeof value === 'number') return value.toString(16)
  if (typeof value === 'string') return value
  if (value !== null && typeof value === 'object' && typeof (value as { toString: unknown }).toString === 'function') {
    return (value as { toString(radix?: number): string }).toString(16)
  }
  return String(value)
}

/**
 * The script's behaviour over a reference and a host: kept apart from the globals WinDbg gives a
 * script, so that tests run it against a mock host in Node.
 */
export function createRunbook(document: ApiDocument, host: DebuggerHost) {
  const index = indexReference(document.codes)
  const site = (document.site ?? '').replace(/\/+$/, '')
  const log = (text = '') => host.diagnostics.debugLog(`${text}\n`)
  const execute = (command: string) => lines(host.namespace.Debugger.Utility.Control.ExecuteCommand(command))

  function dmlOn(): boolean {
    try {
      return execute('.prefer_dml').some((line) => /\bon\b/i.test(line) && !/\boff\b/i.test(line))
    } catch {
      return false
    }
  }

  /** A URL, as a DML link that opens it where DML is on, else as text. */
  function link(url: string, dml: boolean): string {
    if (!dml) return url
    const escaped = url.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    return `<link cmd=".shell -x start ${escaped}">${escaped}</link>`
  }

  function report(bugcheck: TriagedBugcheck): RunbookResult {
    const { code } = bugcheck
    const knowledge = knowledgeOf(index, code, (entry) => (entry as ApiCode).runbooks ?? [])
    const { entry } = knowledge
    const readings = readParameters(bugcheck, knowledge.docs, (other) => index.get(other)?.name).flatMap((row) => (row.reading ? [row.reading] : []))
    const cases = subtypesOf(bugcheck, knowledge.docs)
    return {
      code: bugcheck.hex,
      name: entry?.name ?? null,
      summary: entry?.summary ?? null,
      parameters: readings.map((reading) => ({
        index: reading.index,
        value: reading.value,
        name: reading.name ?? '',
        meaning: reading.description ?? '',
        decoded: reading.decoded.join('; '),
      })),
      subtype: cases.length > 0 ? cases.map((subtype) => subtype.meaning).join(' ') : null,
      page: entry && site ? `${site}${entry.url}` : null,
      runbooks: site ? knowledge.runbooks.map((runbook) => `${site}${runbook.url}`) : [],
      toString() {
        return `0x${code.toString(16).toUpperCase()} ${entry?.name ?? '(not in the reference)'}`
      },
    }
  }

  function print(result: RunbookResult, dml: boolean): void {
    const code = `0x${result.code.slice(2).toUpperCase().padStart(8, '0')}`
    log(`${code} ${result.name ?? '(a code the reference does not document)'}`)
    if (result.summary) log(`  ${result.summary}`)
    if (result.subtype) log(`  Case: ${result.subtype}`)
    for (const parameter of result.parameters) {
      const name = parameter.name ? `  ${parameter.name}` : ''
      log(`  Arg${parameter.index}: ${parameter.value}${name}${parameter.decoded ? `: ${parameter.decoded}` : ''}`)
      if (parameter.meaning) log(`        ${parameter.meaning}`)
    }
    if (result.page) log(`  Page: ${link(result.page, dml)}`)
    for (const runbook of result.runbooks) log(`  Runbook: ${link(runbook, dml)}`)
    if (result.runbooks.length === 0 && result.page) log('  No runbook covers this code yet.')
  }

  /** `!runbook`: the session's bugcheck; `!runbook 0x9f 3 …`: the values given. */
  function runbook(...args: unknown[]): RunbookResult | string {
    if (args.length > 0) {
      const [code, ...values] = args.map(argumentText)
      const number = code === undefined ? undefined : parseU64(code)
      if (!number || number.hi !== 0 || values.some((value) => !parseU64(value)) || values.length > 4) {
        const message = 'runbook: give a bugcheck code and up to four hex values, e.g. !runbook 0x9f 3 ffffe000f38c06a0'
        log(message)
        return message
      }
      const result = report(bugcheckFromValues(number.lo, values))
      print(result, dmlOn())
      return result
    }
    let output: string[]
    try {
      output = execute('.bugcheck')
    } catch (error) {
      const message = `runbook: .bugcheck failed (${String(error)}): no bugcheck to read in this session`
      log(message)
      return message
    }
    const finding = findBugchecks(output.join('\n')).find((candidate) => candidate.code !== 0)
    if (!finding) {
      const message = 'runbook: this session has no bugcheck (.bugcheck reports none): a user-mode dump or a live target. Give values to look one up: !runbook 0x9f 3'
      log(message)
      return message
    }
    const result = report(toTriaged(finding))
    print(result, dmlOn())
    return result
  }

  return { runbook }
}

/** The script's entry point, for WinDbg: the API version it was written for and the alias. */
export function initializeScript(document: ApiDocument, host: DebuggerHost): unknown[] {
  const { runbook } = createRunbook(document, host)
  return [new host.apiVersionSupport(1, 7), new host.functionAlias(runbook, 'runbook')]
}
