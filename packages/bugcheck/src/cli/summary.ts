// Fleet triage: counts by code, by module and by bucket over many crash logs, most frequent first.
// Records are added one at a time and dropped: ten thousand files never sit in memory together.
import type { ErrorRecord, Styles, TriageRecord } from './report.ts'
import { columns, isError } from './report.ts'

export interface Count {
  key: string
  count: number
}

export interface FleetSummary {
  files: number
  /** Files that could not be read, or held no bugcheck. */
  failed: number
  byCode: (Count & { name: string | null })[]
  byModule: Count[]
  byBucket: Count[]
}

export class FleetCounter {
  private files = 0
  private failed = 0
  private readonly codes = new Map<string, { count: number; name: string | null }>()
  private readonly modules = new Map<string, number>()
  private readonly buckets = new Map<string, number>()

  /** Adds the records of one file (several where it held several different codes). */
  add(records: readonly (TriageRecord | ErrorRecord)[]): void {
    this.files += 1
    const found = records.filter((entry): entry is TriageRecord => !isError(entry))
    if (found.length === 0) {
      this.failed += 1
      return
    }
    for (const entry of found) {
      const code = this.codes.get(entry.code) ?? { count: 0, name: entry.name }
      code.count += 1
      this.codes.set(entry.code, code)
      const module = entry.module ?? entry.image ?? '(unknown)'
      this.modules.set(module, (this.modules.get(module) ?? 0) + 1)
      const bucket = entry.bucket ?? '(unknown)'
      this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1)
    }
  }

  summary(): FleetSummary {
    const ranked = (map: Map<string, number>): Count[] =>
      [...map.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    return {
      files: this.files,
      failed: this.failed,
      byCode: [...this.codes.entries()]
        .map(([key, value]) => ({ key, count: value.count, name: value.name }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
      byModule: ranked(this.modules),
      byBucket: ranked(this.buckets),
    }
  }
}

/** The summary for a terminal: three ranked tables. */
export function formatSummary(summary: FleetSummary, styles: Styles, limit = 20): string {
  const lines = [`${styles.bold(`${summary.files} files`)}, ${summary.failed} without a bugcheck`]
  const table = (title: string, rows: string[][]) => {
    lines.push('', styles.bold(title), ...columns([['Count', title === 'By code' ? 'Code' : 'Name', ...(title === 'By code' ? ['Name'] : [])].map(styles.dim), ...rows]))
  }
  table('By code', summary.byCode.slice(0, limit).map((entry) => [String(entry.count), `0x${entry.key.slice(2).toUpperCase()}`, entry.name ?? '']))
  table('By module', summary.byModule.slice(0, limit).map((entry) => [String(entry.count), entry.key]))
  table('By bucket', summary.byBucket.slice(0, limit).map((entry) => [String(entry.count), entry.key]))
  return lines.join('\n')
}
