import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AstroIntegration } from 'astro'

interface Asset {
  /** Public URL, with a content hash so browsers may cache it for good. */
  url: string
  type: string
  contents: string
}

const require = createRequire(import.meta.url)

function asset(file: string, type: string): Asset {
  const contents = readFileSync(require.resolve(`remark-windbg/assets/${file}`), 'utf8')
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10)
  const [name, extension] = file.split('.') as [string, string]
  return { url: `/_windbg/${name}.${hash}.${extension}`, type, contents }
}

/**
 * The transcript stylesheet and script, served as two files of their own: the remark plugin links
 * them only from pages that have a transcript, so other pages load neither.
 */
export function windbgAssets() {
  const stylesheet = asset('transcript.css', 'text/css; charset=utf-8')
  const script = asset('transcript.js', 'text/javascript; charset=utf-8')
  const assets = [stylesheet, script]
  const integration: AstroIntegration = {
    name: 'windbg-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const found = assets.find((candidate) => candidate.url === request.url)
          if (!found) return next()
          response.setHeader('Content-Type', found.type)
          response.end(found.contents)
        })
      },
      'astro:build:done': async ({ dir }) => {
        await mkdir(new URL('./_windbg/', dir), { recursive: true })
        for (const { url, contents } of assets) await writeFile(new URL(`.${url}`, dir), contents)
      },
    },
  }
  return { integration, stylesheet: stylesheet.url, script: script.url }
}
