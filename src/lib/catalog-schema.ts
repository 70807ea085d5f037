import { z } from 'zod'

/** One entry of `content/bugchecks.json`: the shape the catalog collection checks at build time. */
export const bugcheckEntrySchema = z.strictObject({
  code: z.string().regex(/^0x[0-9A-F]{8}$/, { error: 'expected eight upper-case hex digits, e.g. "0x00000020"' }),
  short: z.string().regex(/^0x[0-9A-F]{1,8}$/, { error: 'expected the shortest form, e.g. "0x20"' }),
  name: z.string().regex(/^[A-Z0-9_]+$/, { error: 'expected the upper-case symbolic name, e.g. "KERNEL_APC_PENDING_DURING_EXIT"' }),
  learnUrl: z.url({ protocol: /^https$/, error: 'expected an https URL of the reference page' }),
  paramCount: z.int().min(0).max(4).nullable(),
  paramsSameAs: z
    .string()
    .regex(/^0x[0-9A-F]{1,8}$/)
    .optional(),
})

/** The whole catalog: valid entries, one per code and one per name, each `short` matching its `code`. */
export const catalogSchema = z.array(bugcheckEntrySchema).superRefine((entries, ctx) => {
  const seen = new Map<string, number>()
  entries.forEach((entry, index) => {
    for (const key of [entry.code, entry.name]) {
      const first = seen.get(key)
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index], message: `${key} is already entry ${first}: one entry per code and name` })
      seen.set(key, index)
    }
    if (Number.parseInt(entry.short.slice(2), 16) !== Number.parseInt(entry.code.slice(2), 16)) {
      ctx.addIssue({ code: 'custom', path: [index, 'short'], message: `${entry.short} is not ${entry.code}` })
    }
  })
})
