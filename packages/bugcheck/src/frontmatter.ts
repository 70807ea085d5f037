// A runbook's frontmatter `parameters` and `subtypes`: the same entries as the reference files,
// read with the same schema.
import { z } from 'zod'
import { expandParameter, expandSubtype, type BugcheckParameter, type BugcheckSubtype, type ParameterDocs, type ParameterIndex } from './model.ts'
import { parameterEntrySchema, subtypeSchema } from './schema.ts'

/**
 * A runbook's `parameters`: a list in parameter order (`- name: …`), each entry as in the
 * reference files (`reserved`, `zero`, or in full).
 */
export const frontmatterParametersSchema = z.array(parameterEntrySchema).max(4, { error: 'a bugcheck has at most 4 parameters' })

export const frontmatterSubtypesSchema = z.array(subtypeSchema)

/** The documentation in a runbook's validated `parameters` and `subtypes`. */
export function docsFromFrontmatter(
  parameters: z.output<typeof frontmatterParametersSchema> | undefined,
  subtypes: z.output<typeof frontmatterSubtypesSchema> | undefined,
): ParameterDocs {
  const entries = (parameters ?? []).map((entry, position) => [position + 1, entry] as const)
  const list: BugcheckParameter[] = entries.map(([index, entry]) => expandParameter(index as ParameterIndex, entry))
  const cases: BugcheckSubtype[] = (subtypes ?? []).map(expandSubtype)
  return { parameters: list.sort((a, b) => a.index - b.index), subtypes: cases }
}

/**
 * Reads parameter documentation from raw frontmatter without failing: the site validates content
 * (with these schemas, reporting the file); a plugin only has to make the best of what it gets.
 */
export function readFrontmatterDocs(frontmatter: unknown): ParameterDocs {
  const record = (frontmatter ?? {}) as Record<string, unknown>
  const parameters = frontmatterParametersSchema.safeParse(record['parameters'] ?? [])
  const subtypes = frontmatterSubtypesSchema.safeParse(record['subtypes'] ?? [])
  return docsFromFrontmatter(parameters.success ? parameters.data : undefined, subtypes.success ? subtypes.data : undefined)
}
