import { z } from 'zod'
import { normaliseHex } from './parse/bugcheck.ts'

/**
 * How a parameter's value is read for its tooltip.
 * - `hex`: shown as it is (the default).
 * - `pointer`: an address; zero reads as a NULL pointer.
 * - `signed`: two's complement at `bits` (or the narrowest width that holds the value), so a
 *   16-bit count of `0xffff` reads as -1.
 * - `irql`: an interrupt request level, named (`2` → `DISPATCH_LEVEL`).
 * - `ntstatus`: an NTSTATUS or exception code, named (`0xc0000005` → `STATUS_ACCESS_VIOLATION`).
 * - `decimal`: a count or size, shown in decimal.
 * - `bugcheck`: another bugcheck code, named from the catalog.
 */
export const parameterDecodings = ['hex', 'pointer', 'signed', 'irql', 'ntstatus', 'decimal', 'bugcheck'] as const
export type ParameterDecoding = (typeof parameterDecodings)[number]

const RE_HEX_VALUE = /^(?:0x)?[0-9a-fA-F]{1,16}$/

/** A hex value as written in frontmatter: `"0xffff"` (quoted, so YAML keeps it a string). */
const hexValue = z
  .string()
  .regex(RE_HEX_VALUE, { error: 'expected a hex value such as "0x3" or "0xffff"' })
  .transform(normaliseHex)

/** One bugcheck parameter as an article documents it. */
export const bugcheckParameterSchema = z.strictObject({
  /** Short name, e.g. `APC disable count`. */
  name: z.string().trim().min(1, { error: 'a parameter needs a `name`' }),
  /** What the parameter holds. */
  description: z.string().trim().min(1, { error: 'a parameter needs a `description`' }),
  decode: z.enum(parameterDecodings).optional(),
  /** Width for `decode: signed`. */
  bits: z.union([z.literal(8), z.literal(16), z.literal(32), z.literal(64)]).optional(),
  /** Notes on particular values: `"0xffff": One more acquire than release ...`. */
  values: z
    .record(z.string(), z.string().trim().min(1))
    .optional()
    .superRefine((values, ctx) => {
      for (const key of Object.keys(values ?? {})) {
        if (!RE_HEX_VALUE.test(key)) {
          ctx.addIssue({ code: 'custom', message: `value note key \`${key}\` is not a hex value such as "0xffff"`, path: [key] })
        }
      }
    })
    .transform((values) =>
      values ? Object.fromEntries(Object.entries(values).map(([key, note]) => [normaliseHex(key), note])) : undefined,
    ),
})

/**
 * Parameters 2-4 when parameter 1 selects what the others mean (0x9F, 0x133, 0x1A, ...).
 */
export const bugcheckSubtypeSchema = z.strictObject({
  /** The value of parameter 1 this entry applies to. */
  arg1: hexValue,
  /** What this value of parameter 1 means. */
  meaning: z.string().trim().min(1),
  arg2: bugcheckParameterSchema.optional(),
  arg3: bugcheckParameterSchema.optional(),
  arg4: bugcheckParameterSchema.optional(),
})

export const bugcheckParametersSchema = z
  .array(bugcheckParameterSchema)
  .max(4, { error: 'a bugcheck has at most 4 parameters' })

export type BugcheckParameter = z.output<typeof bugcheckParameterSchema>
export type BugcheckParameterInput = z.input<typeof bugcheckParameterSchema>
export type BugcheckSubtype = z.output<typeof bugcheckSubtypeSchema>

/** What an article says about its bugcheck's parameters: the data tooltips are made from. */
export interface ParameterDocs {
  parameters: BugcheckParameter[]
  subtypes: BugcheckSubtype[]
}

/**
 * Reads parameter documentation from raw frontmatter without failing: content validation is the
 * site's job (its content schema uses the same schemas and reports errors with the file name);
 * the plugin only has to make the best of what it gets.
 */
export function readParameterDocs(frontmatter: unknown): ParameterDocs {
  const record = (frontmatter ?? {}) as Record<string, unknown>
  const parameters = bugcheckParametersSchema.safeParse(record['parameters'] ?? [])
  const subtypes = z.array(bugcheckSubtypeSchema).safeParse(record['subtypes'] ?? [])
  return {
    parameters: parameters.success ? parameters.data : [],
    subtypes: subtypes.success ? subtypes.data : [],
  }
}
