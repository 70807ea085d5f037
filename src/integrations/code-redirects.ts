import { mkdir, writeFile } from 'node:fs/promises'
import type { AstroIntegration } from 'astro'
import { catalog, canonicalCode, codePath, numberOf, paddedCode } from '../lib/catalog.ts'

/**
 * `/0x20/` and `/0x00000020/` lead to the code's one canonical page, `/bugchecks/0x20/`, without
 * script: a small HTML file each, written after the build. Astro's own `redirects` made the same
 * 850 files through its page pipeline, about 1.4 s of a 10 s build; writing them is instant.
 * Other spellings (`/1e/`, a name) are forwarded by the 404 page's script.
 */
export function codeRedirects(): AstroIntegration {
  let site: URL | undefined
  return {
    name: 'code-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined
      },
      'astro:build:done': async ({ dir }) => {
        for (const entry of catalog) {
          const code = numberOf(entry)
          const target = codePath(code)
          const canonical = site ? new URL(target, site).href : target
          const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${entry.name}</title><meta http-equiv="refresh" content="0;url=${target}"><meta name="robots" content="noindex"><link rel="canonical" href="${canonical}"><p><a href="${target}">${paddedCode(code)} ${entry.name}</a></p></html>\n`
          for (const alias of [canonicalCode(code), paddedCode(code).toLowerCase()]) {
            const folder = new URL(`./${alias}/`, dir)
            await mkdir(folder, { recursive: true })
            await writeFile(new URL('index.html', folder), html)
          }
        }
      },
    },
  }
}
