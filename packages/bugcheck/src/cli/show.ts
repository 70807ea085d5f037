// `bugcheck show 0x9f [P1 P2 P3 P4]`: one code's reference, and what given values mean.
import { parseU64 } from '../hex.ts'
import type { ReferenceIndex } from '../reference.ts'
import { bugcheckFromValues, readParameters, subtypesOf } from '../triage.ts'
import type { ApiCode } from '../api.ts'
import { columns, readCodeArgument, type Styles } from './report.ts'

interface ShowOptions {
  json: boolean
  site: string
  index: ReferenceIndex
}

interface ShowOutput {
  out(text: string): void
  err(text: string): void
  styles: Styles
}

export function showCode(args: readonly string[], options: ShowOptions, output: ShowOutput): number {
  const [codeText, ...valueTexts] = args
  const number = codeText === undefined ? undefined : readCodeArgument(codeText)
  if (number === undefined) {
    output.err(`bugcheck show: ${codeText === undefined ? 'give a code' : `\`${codeText}\` is not a hex code`}, such as 0x9f or 0x0000009F`)
    return 2
  }
  const entry = options.index.get(number) as ApiCode | undefined
  if (!entry) {
    output.err(`bugcheck show: 0x${number.toString(16)} is not a documented bugcheck code`)
    return 1
  }
  const bad = valueTexts.find((text) => !parseU64(text))
  if (bad !== undefined || valueTexts.length > 4) {
    output.err(`bugcheck show: ${bad !== undefined ? `\`${bad}\` is not a hex value` : 'a bugcheck has at most 4 parameters'}`)
    return 2
  }
  // Values typed without a dump say nothing of its target: read as 64-bit.
  const bugcheck = bugcheckFromValues(number, valueTexts, 'x64')
  const values = bugcheck.parameters
  const docs = options.index.docs(number)
  const readings = readParameters(bugcheck, docs, (code) => options.index.get(code)?.name).flatMap((row) => (row.reading ? [row.reading] : []))
  const cases = subtypesOf(bugcheck, docs)
  const base = options.index.parametersOf(number)
  if (options.json) {
    output.out(`${JSON.stringify({ ...entry, page: `${options.site}${entry.url}`, readings, cases }, null, 1)}\n`)
    return 0
  }
  const { bold, dim } = output.styles
  const lines = [`${bold(`0x${number.toString(16).toUpperCase().padStart(8, '0')} ${entry.name}`)}`, `  ${entry.summary}`]
  if (base && base !== entry) lines.push(`  ${dim('Parameters')} those of 0x${base.number.toString(16).toUpperCase()} ${base.name}`)
  if (docs.parameters.length > 0) {
    lines.push('', bold('Parameters'), ...columns(docs.parameters.map((parameter) => [String(parameter.index), parameter.name, parameter.description])))
  } else if (entry.parameterCount !== 0) {
    lines.push('', dim('  Microsoft’s reference does not describe the parameters.'))
  }
  if (readings.length > 0) {
    lines.push('', bold('Your values'))
    for (const subtype of cases) lines.push(`  ${dim('Case')} parameter ${subtype.parameter} = ${values[subtype.parameter - 1]}: ${subtype.meaning}`)
    lines.push(...columns(readings.map((reading) => [String(reading.index), reading.value, reading.name ?? '', reading.decoded.join('; ')])))
  } else if (docs.subtypes.length > 0) {
    lines.push('', bold(`Cases (${docs.subtypes.length})`))
    lines.push(...columns(docs.subtypes.map((subtype) => [`parameter ${subtype.parameter} = ${subtype.values.join(' or ') || subtype.message || ''}`, subtype.meaning])))
  }
  lines.push('', `  ${dim('Page')} ${options.site}${entry.url}`, `  ${dim('Microsoft')} ${entry.learnUrl}`)
  for (const runbook of entry.runbooks ?? []) lines.push(`  ${dim('Runbook')} ${options.site}${runbook.url}  ${runbook.title}`)
  output.out(`${lines.join('\n')}\n`)
  return 0
}
