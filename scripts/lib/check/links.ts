import { dirname, resolve } from 'node:path'
import { visit } from 'unist-util-visit'
import { canonicalCode, findByNumber, paddedCode, parseHexCode } from '../../../src/lib/catalog.ts'
import { lineOf } from '../markdown.ts'
import type { Article } from './article.ts'
import type { CheckContext, Finding } from './types.ts'

interface Target {
  url: string
  line: number
  image: boolean
}

const RE_HTML_ATTR = /<(img|a)\b[^>]*?\s(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi
const RE_IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif)$/i
const RE_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** Every link and image of the body: Markdown ones, reference definitions, and `<a>`/`<img>` in HTML. */
function targets(article: Article): Target[] {
  const found: Target[] = []
  const imageLabels = new Set<string>()
  visit(article.tree, 'imageReference', (node) => {
    imageLabels.add(node.identifier)
  })
  visit(article.tree, (node) => {
    const line = lineOf(node)
    if (node.type === 'link' || node.type === 'image') {
      found.push({ url: node.url, line, image: node.type === 'image' })
    } else if (node.type === 'definition') {
      found.push({ url: node.url, line, image: imageLabels.has(node.identifier) })
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(RE_HTML_ATTR)) {
        found.push({ url: match[3] ?? match[4] ?? '', line, image: (match[1] as string).toLowerCase() === 'img' })
      }
    }
  })
  return found
}

/** Internal links that reach a page, and images that are there. External URLs are not fetched. */
export function checkLinks(article: Article, context: CheckContext): Finding[] {
  const findings: Finding[] = []
  const slug = article.path.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '')
  for (const target of targets(article)) {
    const url = target.url.trim()
    if (url === '' || url.startsWith('#') || url.startsWith('//') || RE_SCHEME.test(url)) continue
    const path = safeDecode(url.replace(/[?#].*$/, ''))
    const finding = target.image ? checkImage(article, path, context) : checkLink(article, path, slug, context)
    if (finding) findings.push({ file: article.path, line: target.line, ...finding, message: `${target.image ? 'image' : 'link'} ${url}: ${finding.message}` })
  }
  return findings
}

type Problem = Pick<Finding, 'severity' | 'kind' | 'message' | 'fix'>

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function checkImage(article: Article, path: string, context: CheckContext): Problem | undefined {
  const base = { severity: 'error' as const, kind: 'image' as const }
  if (path.startsWith('/')) {
    if (context.sitePath(path) === 'file') return undefined
    return { ...base, message: 'no such file in public/', fix: `put the image at public${path}, or link it relative to the article (./${path.replace(/^.*\//, '')})` }
  }
  if (context.exists(resolve(dirname(article.path), path))) return undefined
  return { ...base, message: 'no such file next to the article', fix: 'put the image beside the article in content/runbooks/ (or a folder there) and check the spelling; case matters' }
}

/** A link's page: a runbook, a code page, or a page of the site; relative links resolve from the runbook's URL. */
function checkLink(article: Article, path: string, slug: string, context: CheckContext): Problem | undefined {
  const base = { severity: 'error' as const, kind: 'link' as const }
  if (/\.mdx?$/i.test(path) && !path.startsWith('/')) {
    const target = path.replace(/^.*\//, '').replace(/\.mdx?$/i, '')
    return { ...base, message: 'links to a Markdown file, which the site does not serve', fix: `link the page instead: /runbooks/${target}/` }
  }
  if (!path.startsWith('/') && RE_IMAGE_FILE.test(path) && context.exists(resolve(dirname(article.path), path))) {
    return { ...base, message: 'links to a file next to the article: only images shown with ![…](…) are published', fix: 'show it as an image, or put the file in public/ and link /its-name' }
  }
  const absolute = path.startsWith('/') ? path : new URL(path, `https://site.invalid/runbooks/${slug}/`).pathname
  return checkPath(absolute, context)
}

function checkPath(path: string, context: CheckContext): Problem | undefined {
  const base = { severity: 'error' as const, kind: 'link' as const }
  const segments = path.split('/').filter(Boolean)
  const slash = path.endsWith('/')
  const [first, second] = segments
  if (first === 'bugchecks' && second !== undefined && segments.length === 2) {
    const code = parseHexCode(second)
    if (code === undefined || !findByNumber(code)) {
      return { ...base, message: `${second} is not a code in the catalog`, fix: 'link a catalog code such as /bugchecks/0x20/; see /bugchecks/ for the list' }
    }
    if (second !== canonicalCode(code)) {
      // Only the 404 page's script forwards other spellings: without JavaScript the reader sees "not found".
      return { ...base, message: 'is not the address of the code\'s page (the short, lower-case code)', fix: `link /bugchecks/${canonicalCode(code)}/` }
    }
    return slash ? undefined : trailingOrCanonical(`/bugchecks/${canonicalCode(code)}/`)
  }
  if (first === 'runbooks' && second !== undefined && segments.length === 2) {
    if (!context.runbookSlugs.has(second)) {
      return { ...base, message: `there is no runbook ${second}`, fix: `link an existing runbook by its file name without .md: /runbooks/<file name>/` }
    }
    return slash ? undefined : trailingOrCanonical(`/runbooks/${second}/`)
  }
  const kind = context.sitePath(path) ?? context.sitePath(slash ? path : `${path}/`)
  if (kind === 'file' || kind === 'endpoint') return undefined
  if (kind === 'page') return slash || path === '' ? undefined : trailingOrCanonical(`${path}/`)
  const asCode = segments.length === 1 ? parseHexCode(segments[0] as string) : undefined
  // `/0x20/` and `/0x00000020/` have static redirects to the code's page (astro.config.mjs).
  if (asCode !== undefined && findByNumber(asCode) && [canonicalCode(asCode), paddedCode(asCode).toLowerCase()].includes(first as string)) {
    return trailingOrCanonical(`/bugchecks/${canonicalCode(asCode)}/`)
  }
  const fix =
    asCode !== undefined && findByNumber(asCode)
      ? `link the code's page: /bugchecks/${canonicalCode(asCode)}/`
      : 'link /runbooks/<file name>/, /bugchecks/0x…/ or a page of the site (/, /bugchecks/, /runbooks/, /search/, /contribute/)'
  return { ...base, message: 'no page of the site has this address', fix }
}

/** The page exists, but under a slightly different address that only a redirect reaches. */
function trailingOrCanonical(canonical: string): Problem {
  return { severity: 'warning', kind: 'link', message: `the page's address is ${canonical}`, fix: `link ${canonical} (the site's addresses end with a slash and use the short lower-case code)` }
}
