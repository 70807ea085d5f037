import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { splitArticle } from '../markdown.ts'
import type { CheckContext } from './types.ts'

type Route = { segments: string[]; kind: 'page' | 'endpoint' }

function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/** Astro's file-based routes: `search.astro` → `/search/`, `bugchecks/[code].astro` → `/bugchecks/*`, `opensearch.xml.ts` → `/opensearch.xml`. */
export function routesOf(pagesDir: string): Route[] {
  const routes: Route[] = []
  for (const file of walk(pagesDir)) {
    const match = /\.(astro|mdx?|html|[jt]s)$/.exec(file)
    if (!match) continue
    const segments = relative(pagesDir, file).slice(0, -match[0].length).split(sep)
    if (segments.some((segment) => segment.startsWith('_'))) continue
    if (segments.at(-1) === 'index') segments.pop()
    routes.push({ segments, kind: match[1] === 'ts' || match[1] === 'js' ? 'endpoint' : 'page' })
  }
  return routes
}

function matches(route: Route, segments: readonly string[]): boolean {
  for (let index = 0; index < route.segments.length; index++) {
    const part = route.segments[index] as string
    if (part.startsWith('[...')) return true
    const segment = segments[index]
    if (segment === undefined) return false
    if (!part.startsWith('[') && part !== segment) return false
  }
  return route.segments.length === segments.length
}

/** The paths of the site that are neither runbooks nor code pages: pages in `src/pages`, files in `public/`. */
export function sitePaths(root: string): CheckContext['sitePath'] {
  const routes = routesOf(join(root, 'src', 'pages'))
  const publicDir = join(root, 'public')
  const files = new Set(walk(publicDir).map((file) => `/${relative(publicDir, file).split(sep).join('/')}`))
  return (path) => {
    if (files.has(path)) return 'file'
    const segments = path.split('/').filter(Boolean)
    return routes.find((route) => matches(route, segments))?.kind
  }
}

/** A runbook as the context needs it: its path and its text. */
export interface RunbookSource {
  path: string
  text: string
}

function titleOf(text: string): string | undefined {
  const { yaml } = splitArticle(text)
  if (yaml === undefined) return undefined
  try {
    const data: unknown = parseYaml(yaml)
    const title = (data as { title?: unknown } | null)?.title
    return typeof title === 'string' ? title : undefined
  } catch {
    return undefined
  }
}

export function slugOf(path: string): string {
  return basename(path).replace(/\.mdx?$/, '')
}

/** A context from the runbooks as given: the pure form, for tests and for the command. */
export function createContext(options: { root: string; runbooks: readonly RunbookSource[]; exists?: (path: string) => boolean }): CheckContext {
  const titles = new Map<string, string>()
  for (const runbook of options.runbooks) {
    const title = titleOf(runbook.text)
    if (title !== undefined) titles.set(runbook.path, title)
  }
  return {
    // Files starting with `_` are drafts the site does not load (see src/content.config.ts).
    runbookSlugs: new Set(options.runbooks.map((runbook) => slugOf(runbook.path)).filter((slug) => !slug.startsWith('_'))),
    titles,
    sitePath: sitePaths(options.root),
    exists: options.exists ?? existsSync,
  }
}

/**
 * The Markdown files of a runbooks folder. Top level only, like the list of names `related` may
 * use in src/content.config.ts.
 */
export function runbookFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name) && !name.startsWith('_'))
    .sort()
    .map((name) => join(dir, name))
}

/** The context of a runbooks folder on disk, with any further files being checked. */
export function loadContext(root: string, runbooksDir: string, extra: readonly string[] = []): CheckContext {
  const paths = [...new Set([...runbookFiles(runbooksDir), ...extra].map((path) => resolve(path)))]
  return createContext({ root, runbooks: paths.map((path) => ({ path, text: readFileSync(path, 'utf8') })) })
}
