import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema'
import { i18nLoader } from '@astrojs/starlight/loaders'
import { runbookFields } from './lib/runbook-schema.ts'

const RUNBOOKS_DIR = resolve('content/runbooks')

/** Runbook file names without extension: what a `related` entry may name. */
function runbookSlugs(): Set<string> {
  try {
    return new Set(
      readdirSync(RUNBOOKS_DIR)
        .filter((name) => /\.mdx?$/.test(name) && !name.startsWith('_'))
        // Astro lower-cases ids (and so URLs); `related` is compared the same way.
        .map((name) => name.replace(/\.mdx?$/, '').toLowerCase()),
    )
  } catch {
    return new Set()
  }
}

export const collections = {
  // Starlight renders the `docs` collection: here, the runbooks in content/runbooks/ (content
  // lives outside src/), served at /runbooks/<file name>/.
  docs: defineCollection({
    // One folder, no subfolders: a runbook's file name is its name for `related` and in its URL.
    loader: glob({ base: './content', pattern: 'runbooks/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: runbookFields(runbookSlugs()) }),
  }),
  // The bugcheck reference (content/bugchecks/*.yaml) is not a collection: remark-windbg, the
  // API and the packages read it too, through src/lib/catalog.ts and bugcheck-reference's loader.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
}
