// Summarises V8 CPU profiles (`node --cpu-prof`) of a build: self time per function and per
// area (a package, our plugin, our site code, Node itself), largest first.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

export interface SelfTime {
  name: string
  /** Milliseconds of samples taken in this function itself (not its callees). */
  ms: number
  share: number
}

export interface ProfileSummary {
  files: number
  totalMs: number
  functions: SelfTime[]
  areas: SelfTime[]
  /** Time with the area anywhere on the stack: the area and everything it called. */
  inclusiveAreas: SelfTime[]
}

/** Where a script lives, short: `astro`, `@astrojs/starlight`, `remark-windbg`, `site src`, `node`. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return 'node internals'
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (modules?.[1]) return modules[1]
  if (url.includes('/plugins/remark-windbg/')) return 'remark-windbg (ours)'
  if (url.includes('/src/')) return 'site src (ours)'
  if (url.includes('/dist/')) return 'built pages (ours + Starlight components)'
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/')
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '')
  const inModules = path.lastIndexOf('node_modules/')
  return inModules >= 0 ? path.slice(inModules + 'node_modules/'.length) : path.split('/').slice(-3).join('/')
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value)
}

function ranked(map: Map<string, number>, total: number, limit: number): SelfTime[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, ms]) => ({ name, ms, share: ms / total }))
}

/** Reads every `.cpuprofile` in `dir` (one per thread) and adds them up. */
export function summariseProfiles(dir: string, limit = 25): ProfileSummary {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))
  const byFunction = new Map<string, number>()
  const byArea = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let totalMs = 0
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const parents = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
    /** The areas on a node's stack, each once. */
    const stackAreas = new Map<number, Set<string>>()
    const areasOf = (id: number): Set<string> => {
      const known = stackAreas.get(id)
      if (known) return known
      const node = nodes.get(id)
      const parent = parents.get(id)
      const areas = new Set(parent === undefined ? [] : areasOf(parent))
      if (node) areas.add(areaOf(node.callFrame.url, node.callFrame.functionName || '(anonymous)'))
      stackAreas.set(id, areas)
      return areas
    }
    const samples = profile.samples ?? []
    const deltas = profile.timeDeltas ?? []
    // Each sample stands for the time until the next one.
    samples.forEach((id, index) => {
      const node = nodes.get(id)
      const ms = (deltas[index + 1] ?? 0) / 1000
      if (!node || ms <= 0) return
      const { functionName, url, lineNumber } = node.callFrame
      const name = functionName || '(anonymous)'
      add(byFunction, url ? `${name}  ${shortUrl(url)}:${lineNumber + 1}` : name, ms)
      add(byArea, areaOf(url, name), ms)
      for (const area of areasOf(id)) add(inclusive, area, ms)
      totalMs += ms
    })
  }
  return {
    files: files.length,
    totalMs,
    functions: ranked(byFunction, totalMs, limit),
    areas: ranked(byArea, totalMs, limit),
    inclusiveAreas: ranked(new Map([...inclusive].filter(([area]) => area !== '(root)')), totalMs, limit),
  }
}
