// The history of runs of record: each full run adds its key figures to bench/results/history.json
// (the last HISTORY_LENGTH runs are kept), and the results file shows them side by side, so a
// regression shows against the runs before it, on the machine each ran on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { table, type Machine } from './report.ts'

export const HISTORY_LENGTH = 10

export interface HistoryEntry {
  date: string
  commit: string
  machine: string
  node: string
  figures: Record<string, string>
}

export function readHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return []
  const entries: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an array of runs`)
  return entries as HistoryEntry[]
}

/** Adds this run to the history file and returns the runs kept, oldest first. */
export function appendHistory(file: string, info: Machine, figures: Record<string, string>): HistoryEntry[] {
  const entry: HistoryEntry = {
    date: info.date,
    commit: info.commit,
    machine: `${info.cores} cores, ${info.memory}, ${info.cpu}`,
    node: info.node,
    figures,
  }
  const entries = [...readHistory(file), entry].slice(-HISTORY_LENGTH)
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`)
  return entries
}

/** The runs as one table: a row per run, a column per figure (any figure a run had). */
export function historyTable(entries: readonly HistoryEntry[]): string {
  const names = [...new Set(entries.flatMap((entry) => Object.keys(entry.figures)))]
  const machines = [...new Set(entries.map((entry) => entry.machine))]
  const rows = entries.map((entry) => [
    entry.date.slice(0, 16).replace('T', ' '),
    entry.commit,
    `M${machines.indexOf(entry.machine) + 1}`,
    ...names.map((name) => entry.figures[name] ?? ''),
  ])
  return [
    table(['date (UTC)', 'commit', 'machine', ...names], rows),
    '',
    machines.map((machine, index) => `M${index + 1}: ${machine}`).join('; '),
  ].join('\n')
}
