// Publishes the WinDbg script, `/windbg/runbook.js`, after the site is built: the reference of
// every code and the site's runbooks inside one classic script (see scripts/lib/windbg-script.ts).
import { mkdir, writeFile } from 'node:fs/promises'
import type { AstroIntegration } from 'astro'
import { referenceDocument } from '../lib/reference-document.ts'
import { buildWindbgScript } from '../lib/windbg-script.ts'

export function windbgScript(): AstroIntegration {
  return {
    name: 'windbg-script',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const script = await buildWindbgScript(referenceDocument())
        const folder = new URL('windbg/', dir)
        await mkdir(folder, { recursive: true })
        await writeFile(new URL('runbook.js', folder), script)
        logger.info(`windbg/runbook.js: ${(Buffer.byteLength(script) / 1024).toFixed(0)} KB (${(Buffer.byteLength(script) / 1024 / 1024).toFixed(2)} MB), the whole reference inside`)
      },
    },
  }
}
