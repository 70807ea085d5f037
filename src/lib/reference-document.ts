// The reference as the packages and the WinDbg script carry it: the API document of every code,
// with the site's runbooks (read from content/runbooks/ frontmatter) and the site's address.
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { toApiCode, toApiDocument, type ApiDocument, type RunbookLink } from 'bugcheck-reference'
import { reference } from './catalog.ts'
import { siteUrl } from '../site.ts'

/** The site's runbooks per code, as content/runbooks/ declares them (`/runbooks/<file name>/`). */
function runbookLinks(): Map<string, RunbookLink[]> {
  const dir = resolve('content/runbooks')
  const byCode = new Map<string, RunbookLink[]>()
  for (const name of readdirSync(dir).filter((file) => /\.mdx?$/.test(file) && !file.startsWith('_')).sort()) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'))?.[1] ?? ''
    const data = parseYaml(frontmatter) as { title?: string; bugcheck?: string; summary?: string }
    const code = data.bugcheck?.trim().toLowerCase()
    if (!code || code === 'none' || !data.title) continue
    const short = `0x${Number.parseInt(code.replace(/^0x/, ''), 16).toString(16)}`
    const links = byCode.get(short) ?? []
    links.push({ title: data.title, url: `/runbooks/${name.replace(/\.mdx?$/, '').toLowerCase()}/`, ...(data.summary ? { summary: data.summary.trim() } : {}) })
    byCode.set(short, links)
  }
  return byCode
}

/** The reference as the package and the WinDbg script carry it: the API document, with the site. */
export function referenceDocument(): ApiDocument {
  const runbooks = runbookLinks()
  const codes = reference.map((entry) => toApiCode(entry, runbooks.get(entry.code) ?? []))
  return { ...toApiDocument(codes), site: siteUrl }
}

