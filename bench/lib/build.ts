// One cold `astro build` in a child process, measured from outside: wall time here, CPU time and
// peak memory from GNU time (`/usr/bin/time -v`), Pagefind's own figures from the build log.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const GNU_TIME = '/usr/bin/time'

export interface BuildResult {
  /** Seconds from spawn to exit. */
  wall: number
  /** User + system CPU seconds of the build and every process it waited for (Pagefind's too). */
  cpu: number
  /** Largest resident set of any one process of the build, in bytes. */
  maxRss: number
  /** Pagefind's own timing, from "Finished building search index in …". */
  pagefind: number
  /**
   * Astro's own phase timings from the log: content sync and types (Markdown is rendered here,
   * transcripts included), Vite bundling, and generating the static pages.
   */
  phases: { sync: number; bundle: number; render: number }
  /** Pages Astro rendered ("N page(s) built"): redirects not included. */
  pages: number
  /** HTML files Pagefind indexed ("Found N HTML files"). */
  indexedPages: number
  /** HTML files written (pages, redirects and 404), outside pagefind/. */
  htmlPages: number
  /** Bytes of the built dist/pagefind/ folder. */
  indexBytes: number
  outDir: string
}

export interface BuildOptions {
  env?: Record<string, string>
  /** Relative to the project folder. @default 'dist' */
  outDir?: string
  /** Flags for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[]
}

export const hasGnuTime = existsSync(GNU_TIME)

/** Removes every cache a previous build left, so each measured build is a cold one. */
function clean(dir: string, outDir: string): void {
  for (const path of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.vite-temp', outDir]) {
    rmSync(join(dir, path), { recursive: true, force: true })
  }
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; log: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', fail)
    child.on('close', (code) => done({ code, log: Buffer.concat(chunks).toString('utf8') }))
  })
}

/** `812ms` or `1.23s` → seconds. */
function duration(value: string | undefined, unit: string | undefined): number {
  if (value === undefined) return Number.NaN
  return unit === 'ms' ? Number(value) / 1000 : Number(value)
}

/** `Finished building search index in 812ms.` or `… in 1.23s.` → seconds. */
export function pagefindSeconds(log: string): number {
  const match = /Finished building search index in ([\d.]+)(ms|s)\b/.exec(log)
  return duration(match?.[1], match?.[2])
}

function phases(log: string): BuildResult['phases'] {
  const sync = /\[types\] Generated ([\d.]+)(ms|s)\b/.exec(log)
  const bundle = [...log.matchAll(/\[vite\] ✓ built in ([\d.]+)(ms|s)\b/g)].reduce((total, match) => total + duration(match[1], match[2]), 0)
  // The line that closes "generating static routes" has a time stamp and no [label].
  const render = /^[\d:]+ ✓ Completed in ([\d.]+)(ms|s)\b/m.exec(log)
  return { sync: duration(sync?.[1], sync?.[2]), bundle: bundle || Number.NaN, render: duration(render?.[1], render?.[2]) }
}

function gnuTimeField(report: string, label: string): number {
  const line = report.split('\n').find((candidate) => candidate.trim().startsWith(label))
  return line ? Number(line.slice(line.lastIndexOf(':') + 1).trim()) : Number.NaN
}

export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return Number.NaN
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size
  }
  return total
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith('.html') && !join(entry.parentPath, entry.name).includes('/pagefind/'),
  ).length
}

/** Builds the project in `dir` from cold and measures it. Throws, with the log's tail, if the build fails. */
export async function measureBuild(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? 'dist'
  clean(dir, outDir)
  const astro = join(dir, 'node_modules/astro/bin/astro.mjs')
  const nodeArgs = [...(options.nodeArgs ?? []), astro, 'build', ...(outDir === 'dist' ? [] : ['--outDir', outDir])]
  const timeFile = join(dir, 'build.time')
  const [command, args] = hasGnuTime
    ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs]
  // No colours in the log we parse, and no telemetry requests in what we time.
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...options.env }
  const start = performance.now()
  const { code, log } = await run(command, args, dir, env)
  const wall = (performance.now() - start) / 1000
  writeFileSync(join(dir, 'build.log'), log)
  if (code !== 0) {
    throw new Error(`astro build failed in ${dir} (exit ${String(code)}); last lines of build.log:\n${log.split('\n').slice(-30).join('\n')}`)
  }
  const report = hasGnuTime ? readFileSync(timeFile, 'utf8') : ''
  const out = join(dir, outDir)
  return {
    wall,
    cpu: gnuTimeField(report, 'User time (seconds)') + gnuTimeField(report, 'System time (seconds)'),
    maxRss: gnuTimeField(report, 'Maximum resident set size (kbytes)') * 1024,
    pagefind: pagefindSeconds(log),
    phases: phases(log),
    pages: Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? Number.NaN),
    indexedPages: Number(/Found (\d+) HTML files/.exec(log)?.[1] ?? Number.NaN),
    htmlPages: countHtml(out),
    indexBytes: dirBytes(join(out, 'pagefind')),
    outDir: out,
  }
}
