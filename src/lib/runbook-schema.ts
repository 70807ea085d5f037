import { z } from 'zod'
import { expandSubtype } from 'bugcheck-reference'
import { docsFromFrontmatter, frontmatterParametersSchema, frontmatterSubtypesSchema } from 'bugcheck-reference/schema'
import { canonicalCode, findByNumber, parseHexCode } from './catalog.ts'

/**
 * A runbook's `bugcheck`: the code as a quoted `0x` hex string, normalised to its short form
 * (`"0x00000020"` → `"0x20"`), or `none` for an article that is not about one bugcheck.
 *
 * A bare YAML number is refused: `bugcheck: 20` could mean 0x20 or decimal 20 (0x14), and YAML
 * itself reads `0x20` as the number 32, so only a string says what the author meant.
 */
export const bugcheckField = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'number') {
    ctx.addIssue({
      code: 'custom',
      message: `a bare number (${value}) is ambiguous: write the code as a quoted hex string, e.g. bugcheck: "0x${value.toString(16)}" or "0x${String(value)}"`,
    })
    return z.NEVER
  }
  if (value === null || value === '') {
    ctx.addIssue({ code: 'custom', message: 'empty: write the bugcheck code as a quoted hex string, e.g. bugcheck: "0x20", or bugcheck: none' })
    return z.NEVER
  }
  if (typeof value !== 'string') {
    ctx.addIssue({ code: 'custom', message: `expected a quoted hex string such as "0x20", got ${typeof value}` })
    return z.NEVER
  }
  if (value.trim().toLowerCase() === 'none') return 'none'
  const code = parseHexCode(value)
  if (code === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a hex code: write it as "0x" and up to 8 hex digits, e.g. "0x20" or "0x00000020"` })
    return z.NEVER
  }
  if (!findByNumber(code)) {
    ctx.addIssue({ code: 'custom', message: `unknown bugcheck code ${value}: it has no file in content/bugchecks/` })
    return z.NEVER
  }
  return canonicalCode(code)
})

/** A `related` entry: a bugcheck code (`"0x9f"`) or another runbook's file name without extension. */
export function relatedField(runbookSlugs: ReadonlySet<string>) {
  return z.string().transform((value, ctx): string => {
    const code = parseHexCode(value)
    if (code !== undefined) {
      if (findByNumber(code)) return canonicalCode(code)
      ctx.addIssue({ code: 'custom', message: `related code ${value} is not in the catalog` })
      return z.NEVER
    }
    const slug = value.trim().replace(/^\/?(?:runbooks\/)?/, '').replace(/\/$/, '').toLowerCase()
    if (runbookSlugs.has(slug)) return slug
    ctx.addIssue({ code: 'custom', message: `related "${value}" is neither a catalog code ("0x20") nor a runbook in content/runbooks/` })
    return z.NEVER
  })
}

/**
 * The fields a runbook adds to Starlight's frontmatter. Starlight checks the frontmatter of the
 * site's own pages (home, catalog, code pages) against the same schema, so those pages say
 * `kind: page` and only runbooks must have a bugcheck, a summary and a date.
 */
export function runbookFields(runbookSlugs: ReadonlySet<string>) {
  return z
    .object({
      kind: z.enum(['runbook', 'page']).default('runbook'),
      bugcheck: bugcheckField.optional(),
      summary: z.string().trim().min(1, { error: 'must not be empty: one or two sentences' }).optional(),
      // The same entries as content/bugchecks/ files; they override the reference for this
      // article's transcripts. Kept in the reference's compiled form.
      parameters: frontmatterParametersSchema.default([]).transform((parameters) => docsFromFrontmatter(parameters, undefined).parameters),
      subtypes: frontmatterSubtypesSchema.default([]).transform((subtypes) => subtypes.map(expandSubtype)),
      tags: z.array(z.string().trim().min(1)).default([]),
      related: z.array(relatedField(runbookSlugs)).default([]),
      updated: z.coerce.date({ error: 'expected a date such as 2024-05-01' }).optional(),
    })
    .superRefine((data, ctx) => {
      if (data.kind !== 'runbook') return
      const required: [keyof typeof data, string][] = [
        ['bugcheck', 'required: the bugcheck code as a quoted hex string, e.g. bugcheck: "0x20", or bugcheck: none for an article about no single bugcheck'],
        ['summary', 'required: a one- or two-sentence summary of the case'],
        ['updated', 'required: the date of the last review, e.g. updated: 2024-05-01'],
      ]
      for (const [field, message] of required) {
        if (data[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message })
      }
    })
}

export type RunbookFields = z.output<ReturnType<typeof runbookFields>>
