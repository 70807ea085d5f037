// The results as Markdown: aligned tables that read well in a terminal and render on GitHub.
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism, cpus, totalmem } from 'node:os'
import { join } from 'node:path'

export type Cell = string | number

/** A Markdown table whose columns are padded to equal width; numbers are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map(String))
  // A column of figures (`12.3 s`, `1.05×`, `n/a`) is right-aligned, one of names left-aligned.
  const numeric = headers.map((_, column) => text.length > 0 && text.every((row) => /^(?:[-+~<>]?\d|n\/a$)/.test(row[column] ?? '')))
  const widths = headers.map((header, column) => Math.max(header.length, 3, ...text.map((row) => (row[column] ?? '').length)))
  const pad = (value: string, column: number) =>
    numeric[column] ? value.padStart(widths[column] as number) : value.padEnd(widths[column] as number)
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`
  const rule = `| ${widths.map((width, column) => (numeric[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`
  return [line(headers), rule, ...text.map(line)].join('\n')
}

/**
 * The commit being measured, read from `.git` directly (HEAD, then the loose ref or
 * packed-refs), so the benchmark needs no git executable.
 */
export function gitCommit(root: string): string {
  const git = join(root, '.git')
  try {
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim()
    const ref = /^ref: (.+)$/.exec(head)?.[1]
    if (!ref) return head.slice(0, 12)
    const loose = join(git, ref)
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim().slice(0, 12)
    const packed = readFileSync(join(git, 'packed-refs'), 'utf8')
      .split('\n')
      .find((line) => line.endsWith(` ${ref}`))
    return packed ? packed.slice(0, 12) : `unknown (${ref} has no commit yet)`
  } catch {
    return 'unknown (no .git)'
  }
}

export interface Machine {
  cores: number
  cpu: string
  memory: string
  node: string
  date: string
  commit: string
}

export function machine(root: string): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    date: new Date().toISOString(),
    commit: gitCommit(root),
  }
}

export function machineLines(info: Machine, extra: readonly string[] = []): string {
  return [
    `- Date: ${info.date}`,
    `- Commit: ${info.commit}`,
    `- Machine: ${info.cores} cores (${info.cpu}), ${info.memory} memory`,
    `- Node: ${info.node} (${process.platform}/${process.arch})`,
    ...extra.map((line) => `- ${line}`),
  ].join('\n')
}
