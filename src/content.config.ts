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
        .map((name) => name.replace(/\.mdx?$/, '')),
    )
  } catch {
    return new Set()
  }
}

export const collections = {
  // Starlight renders the `docs` collection: here, the runbooks in content/runbooks/ (content
  // lives outside src/), served at /runbooks/<file name>/.
  docs: defineCollection({
    loader: glob({ base: './content', pattern: 'runbooks/**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: runbookFields(runbookSlugs()) }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
}
