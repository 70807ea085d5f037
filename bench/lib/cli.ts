// Section 5: the `bugcheck` command over a fleet. A synthetic set of crash logs is written from
// the real fixtures (every fence that holds a bugcheck, cycled, each copy a file of its own), and
// the compiled command (`npm run build:packages`) runs `triage --summary --json` over the folder.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { findBugchecks } from '../../packages/bugcheck/src/index.ts'
import { realFences, sessionFences } from '../../plugins/remark-windbg/test/helpers.ts'
import { buildPackages } from '../../scripts/build-packages.ts'
import type { Context } from './build-section.ts'
import { TMP } from './projects.ts'
import { table } from './report.ts'
import { bytes, fixed, median, seconds } from './stats.ts'

export interface FleetResult {
  files: number
  bytes: number
  seconds: number[]
}

/** Writes `count` logs: real fences with a bugcheck, cycled, under bench/tmp/fleet/. */
function writeFleet(count: number): { dir: string; bytes: number } {
  const dir = join(TMP, 'fleet')
  rmSync(dir, { recursive: true, force: true })
  const sources = [...realFences(), ...sessionFences()].map((fence) => fence.value).filter((value) => findBugchecks(value).length > 0)
  let total = 0
  for (let index = 0; index < count; index++) {
    const shard = join(dir, String(Math.floor(index / 1000)))
    if (index % 1000 === 0) mkdirSync(shard, { recursive: true })
    const text = `${sources[index % sources.length]}\n`
    writeFileSync(join(shard, `crash-${index}.log`), text)
    total += Buffer.byteLength(text)
  }
  return { dir, bytes: total }
}

export async function cliSection({ runs, progress, record }: Context, count: number): Promise<string> {
  progress('building the packages')
  const { reference } = buildPackages({ pack: false })
  const bin = join(reference, 'lib/cli/bin.js')
  progress(`writing ${count} synthetic crash logs`)
  const fleet = writeFleet(count)
  const result: FleetResult = { files: count, bytes: fleet.bytes, seconds: [] }
  let counted = 0
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const child = spawnSync(process.execPath, [bin, 'triage', '--summary', '--json', fleet.dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    result.seconds.push((performance.now() - started) / 1000)
    if (child.status !== 0 && child.status !== 1) throw new Error(`bugcheck failed: ${child.stderr}`)
    counted = (JSON.parse(child.stdout) as { files: number }).files
    progress(`run ${run + 1}: ${seconds(result.seconds[run] as number)}`)
  }
  if (counted !== count) throw new Error(`the summary counted ${counted} files, not ${count}`)
  rmSync(fleet.dir, { recursive: true, force: true })
  const time = median(result.seconds)
  record('triage files/s', fixed(count / time, 0))
  return [
    '## 5. Fleet triage with the `bugcheck` command',
    '',
    `\`bugcheck triage --summary --json\` over ${count} synthetic crash logs (every real fixture fence that holds a bugcheck, cycled; ` +
      `${bytes(fleet.bytes)} in all, ${statSync(bin).isFile() ? 'the compiled command' : 'the command'} on Node ${process.versions.node}), median of ${runs} run(s), whole process.`,
    '',
    table(['files', 'size', 'time', 'files/s', 'MB/s'], [[String(count), bytes(fleet.bytes), seconds(time), fixed(count / time, 0), fixed(fleet.bytes / 1024 / 1024 / time, 1)]]),
  ].join('\n')
}
