import { docsSchema } from '@astrojs/starlight/schema'
import { z } from 'zod'
import { flattenIssues } from 'bugcheck-reference/schema'
import { runbookFields } from '../../../src/lib/runbook-schema.ts'
import { visit as visitYaml, type YAMLError } from 'yaml'
import { fieldLine, yamlLine, type Article } from './article.ts'
import type { CheckContext, Finding } from './types.ts'

type SchemaContext = Parameters<ReturnType<typeof docsSchema>>[0]

/**
 * The schema the build applies to `content/runbooks/`: Starlight's frontmatter extended with the
 * runbook fields, exactly as `src/content.config.ts` declares it. Only image fields (a hero image)
 * need Astro's image pipeline; a string stands in for them here.
 */
function buildSchema(runbookSlugs: ReadonlySet<string>) {
  const context = { image: () => z.string() } as unknown as SchemaContext
  return docsSchema({ extend: runbookFields(runbookSlugs) })(context)
}

const schemas = new WeakMap<ReadonlySet<string>, ReturnType<typeof buildSchema>>()

function schemaFor(runbookSlugs: ReadonlySet<string>): ReturnType<typeof buildSchema> {
  let schema = schemas.get(runbookSlugs)
  if (!schema) {
    schema = buildSchema(runbookSlugs)
    schemas.set(runbookSlugs, schema)
  }
  return schema
}

/** `['parameters', 1, 'description']` → `parameters[1].description`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('')
}

// How to fix the common mistakes, where the schema's own message does not already say.
const EXAMPLES: Record<string, string> = {
  title: 'add a title, e.g. title: A mutex never released at thread exit',
  bugcheck: 'write the code as a quoted hex string, e.g. bugcheck: "0x20", or bugcheck: none',
  summary: 'write one or two sentences, e.g. summary: A driver returned from a system thread still holding a mutex.',
  updated: 'write the date of your last review, e.g. updated: 2024-05-01',
  parameters: 'each parameter needs a name and a description; see CONTRIBUTING.md, "Frontmatter"',
  subtypes: 'each subtype needs value (a quoted hex value) and meaning; see CONTRIBUTING.md, "Frontmatter"',
  related: 'name a catalog code ("0x1e") or another runbook by its file name without .md',
  tags: 'a list of short words, e.g. tags: [apc, mutex]',
}

function fixFor(path: readonly PropertyKey[]): string {
  const top = String(path[0] ?? '')
  return EXAMPLES[top] ?? 'see the frontmatter fields in CONTRIBUTING.md'
}

/** The frontmatter against the site's schema, with each problem on the line of its field. */
export function checkFrontmatter(article: Article, context: CheckContext): Finding[] {
  const base = { file: article.path, kind: 'frontmatter' as const, severity: 'error' as const }
  if (!article.yaml) {
    return [{ ...base, line: 1, message: 'no frontmatter: the site needs at least title, bugcheck, summary and updated', fix: 'start the file with a --- block; `npm run new` writes one for you' }]
  }
  if (article.yaml.errors.length > 0) {
    return article.yaml.errors.map((error) => ({
      ...base,
      line: errorLine(article, error),
      message: `the frontmatter is not valid YAML: ${error.message.split('\n')[0] ?? error.code}`,
      fix: 'fix the YAML syntax (indentation, a missing quote, a colon in an unquoted value: quote it)',
    }))
  }
  const contents: unknown = article.yaml.toJS()
  if (!contents || typeof contents !== 'object' || Array.isArray(contents)) {
    return [{ ...base, line: article.split.yamlLine, message: 'the frontmatter is not a list of fields', fix: 'write one `field: value` per line' }]
  }
  const findings: Finding[] = []
  const result = schemaFor(context.runbookSlugs).safeParse(contents)
  if (!result.success) {
    for (const issue of flattenIssues(result.error.issues)) {
      const name = fieldName(issue.path)
      findings.push({ ...base, line: fieldLine(article, issue.path), message: `${name || 'frontmatter'}: ${issue.message}`, fix: fixFor(issue.path) })
    }
  }
  findings.push(...unknownFields(article, contents as Record<string, unknown>))
  return findings
}

/**
 * The line to show for a YAML error. An unclosed quote is only noticed where the text ends, so
 * it is shown where the quoted value starts.
 */
function errorLine(article: Article, error: YAMLError): number {
  let start: number | undefined
  if (error.code === 'MISSING_CHAR' && article.yaml) {
    visitYaml(article.yaml, {
      Scalar(_key, node) {
        const range = node.range
        if (range && range[0] <= error.pos[0] && error.pos[0] <= range[2]) start = range[0]
      },
    })
  }
  return yamlLine(article, start ?? error.pos[0])
}

const KNOWN_FIELDS = new Set(Object.keys(schemaFor(new Set()).shape))

/** A field nothing reads is usually a typo: `sumary` leaves the summary unset without a word. */
function unknownFields(article: Article, data: Record<string, unknown>): Finding[] {
  return Object.keys(data)
    .filter((key) => !KNOWN_FIELDS.has(key))
    .map((key) => {
      const near = [...KNOWN_FIELDS].find((known) => editDistance(known, key) <= 2)
      return {
        file: article.path,
        line: fieldLine(article, [key]),
        severity: 'warning' as const,
        kind: 'unknown-field' as const,
        message: `unknown field \`${key}\`: the site ignores it`,
        fix: near ? `did you mean \`${near}\`?` : 'remove it, or see the fields in CONTRIBUTING.md',
      }
    })
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
    }
    previous = current
  }
  return previous[b.length] as number
}
