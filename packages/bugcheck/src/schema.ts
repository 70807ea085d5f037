// The one schema of bugcheck parameter documentation: the reference files in content/bugchecks/
// and a runbook's frontmatter `parameters` and `subtypes` are both read through it. Every scalar
// may arrive as a string (the reference files are read with YAML's failsafe schema, so `0x3`
// stays the text "0x3" instead of becoming the number 3), and numbers are coerced here.
import { z } from 'zod'
import { normaliseHex } from './hex.ts'

/**
 * How a parameter's value is read.
 * - `hex`: shown as it is (the default).
 * - `pointer`: an address: NULL, a small integer that cannot be one, kernel or user space.
 * - `signed`: two's complement at `bits`, or the narrowest width that holds the value.
 * - `irql`: an interrupt request level, named (`2` → `DISPATCH_LEVEL`).
 * - `ntstatus`: an NTSTATUS or exception code, named (`0xc0000005` → `STATUS_ACCESS_VIOLATION`).
 * - `decimal`: a count or size in decimal, with an optional `unit` (`bytes`, `pages`, ...).
 * - `duration`: a time in `unit` (`ticks`, `seconds`, `milliseconds`, `microseconds`, `100ns`).
 * - `enum`: one of the documented `values`; any other value is said to be undocumented.
 * - `flags`: a bit field: each documented bit in `flags` is read as set or clear.
 * - `bugcheck`: another bugcheck code, named from the catalog.
 * - `ascii`: four characters packed into a ULONG (ACPI names such as `_PRW`).
 */
export const decodeKinds = ['hex', 'pointer', 'signed', 'irql', 'ntstatus', 'decimal', 'duration', 'enum', 'flags', 'bugcheck', 'ascii'] as const
export type DecodeKind = (typeof decodeKinds)[number]

export const durationUnits = ['ticks', 'seconds', 'milliseconds', 'microseconds', '100ns'] as const
export type DurationUnit = (typeof durationUnits)[number]

const RE_HEX = /^(?:0x)?[0-9a-fA-F]{1,16}$/
const RE_TODO = /\b(?:TODO|TBD|FIXME)\b|<\/?[a-z]+[^>]*>/i

/** A hex value as written in data: `0x3`, `3`, `0xFFFF`; kept as `0x3`, `0xffff`. */
export const hexValueSchema = z
  .string({ error: 'expected a hex value such as 0x3' })
  .trim()
  .regex(RE_HEX, { error: 'expected a hex value such as 0x3 or 0xffff' })
  .transform(normaliseHex)

/** Prose written for people: trimmed, not empty, no placeholders and no HTML. */
const prose = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .refine((text) => !RE_TODO.test(text), { error: `${what} holds a placeholder (TODO) or HTML: write plain text` })

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: `expected a whole number from ${min} to ${max}` }).int().min(min).max(max)

const parameterIndexSchema = z.coerce
  .number({ error: 'expected a parameter number, 1 to 4' })
  .int()
  .min(1, { error: 'parameters are numbered 1 to 4' })
  .max(4, { error: 'parameters are numbered 1 to 4' })

/** One documented bit of a `flags` parameter. */
export const flagSchema = z.strictObject({
  /** Bit number, 0 = least significant. */
  bit: wholeNumber(0, 63),
  /** What the bit means when set. */
  set: prose('`set`'),
  /** What the bit means when clear, where that says something (`read` for a write bit). */
  clear: prose('`clear`').optional(),
})

const valuesSchema = z
  .record(z.string(), prose('a value meaning'))
  .superRefine((values, ctx) => {
    const seen = new Map<string, string>()
    for (const key of Object.keys(values)) {
      if (!RE_HEX.test(key.trim())) {
        ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` is not a hex value such as 0x3` })
        continue
      }
      const normal = normaliseHex(key)
      const other = seen.get(normal)
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` is the same value as \`${other}\`` })
      seen.set(normal, key)
    }
  })
  .transform((values) => Object.fromEntries(Object.entries(values).map(([key, meaning]) => [normaliseHex(key), meaning])))

/** A parameter described in full. */
export const parameterObjectSchema = z
  .strictObject({
    /** A short noun phrase: `APC disable count`. */
    name: prose('`name`'),
    /** What the parameter holds, one or two sentences. */
    description: prose('`description`'),
    decode: z.enum(decodeKinds, { error: `expected one of ${decodeKinds.join(', ')}` }).default('hex'),
    /** Width for `decode: signed`. */
    bits: z.coerce
      .number()
      .refine((bits) => [8, 16, 32, 64].includes(bits), { error: 'expected 8, 16, 32 or 64' })
      .optional(),
    /** The unit of a `duration` (required) or of a `decimal` (optional: `bytes`, `pages`). */
    unit: z.string().trim().min(1).optional(),
    /** What particular values mean (`0x1: write`). Required for `decode: enum`. */
    values: valuesSchema.optional(),
    /** The documented bits. Required for `decode: flags`. */
    flags: z.array(flagSchema).min(1).optional(),
  })
  .superRefine((parameter, ctx) => {
    if (parameter.decode === 'enum' && !parameter.values) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: '`decode: enum` needs `values`: each documented value and its meaning' })
    }
    if (parameter.decode === 'flags' && !parameter.flags) {
      ctx.addIssue({ code: 'custom', path: ['flags'], message: '`decode: flags` needs `flags`: each documented bit with `bit` and `set`' })
    }
    if (parameter.decode === 'duration' && !durationUnits.includes(parameter.unit as DurationUnit)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `\`decode: duration\` needs \`unit\`: one of ${durationUnits.join(', ')}` })
    }
    if (parameter.bits !== undefined && parameter.decode !== 'signed') {
      ctx.addIssue({ code: 'custom', path: ['bits'], message: '`bits` is the width of a `decode: signed` value' })
    }
    if (parameter.flags && parameter.decode !== 'flags') {
      ctx.addIssue({ code: 'custom', path: ['flags'], message: '`flags` needs `decode: flags`' })
    }
  })

/**
 * Shorthands for what Microsoft's tables say without describing anything: `reserved` (the
 * reference marks the parameter reserved) and `zero` (it lists the value 0 for this case).
 */
export const parameterShorthands = ['reserved', 'zero'] as const
export type ParameterShorthand = (typeof parameterShorthands)[number]

export const parameterEntrySchema = z.union([z.enum(parameterShorthands), parameterObjectSchema], {
  error: 'expected `reserved`, `zero`, or a parameter with `name` and `description`',
})

/** Parameters keyed by number: `1: {name, description, …}`, `4: reserved`. */
export const parameterMapSchema = z.record(z.string(), parameterEntrySchema).superRefine((map, ctx) => {
  for (const key of Object.keys(map)) {
    if (!/^[1-4]$/.test(key.trim())) ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` is not a parameter number: use 1, 2, 3 or 4` })
  }
})

/** One value or a list of values that share a row (`0x13 or 0x14`). */
const valueListSchema = z.union([hexValueSchema.transform((value) => [value]), z.array(hexValueSchema).min(1)], {
  error: 'expected a hex value such as 0x3, or a list of them',
})

/**
 * A case selected by the value of one parameter: Parameter 1 almost everywhere (0x9F), Parameter
 * 4 for 0x109 and 0xC1, the trap number for 0x7F. `when` adds conditions on other parameters, for
 * tables that apply only when parameter 1 has a given value (0xA5 with Parameter 1 = 0x2 is keyed
 * by Parameter 3).
 */
export const subtypeSchema = z
  .strictObject({
    /** The selecting parameter. @default 1 */
    parameter: parameterIndexSchema.default(1),
    /** The value(s) of the selecting parameter; absent for a case told apart only by `message`. */
    value: valueListSchema.optional(),
    when: z.record(z.string(), valueListSchema).optional(),
    /** What this case means. */
    meaning: prose('`meaning`'),
    /**
     * The message the debugger prints for this case, where the table tells cases apart by their
     * message rather than by a value alone (0xD2).
     */
    message: prose('`message`').optional(),
    /** What the other parameters hold in this case. */
    parameters: parameterMapSchema.optional(),
  })
  .superRefine((subtype, ctx) => {
    if (subtype.value === undefined && subtype.message === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'required: the value of the selecting parameter (or, for a case told apart by the debugger’s message, `message`)' })
    }
    for (const key of Object.keys(subtype.when ?? {})) {
      if (!/^[1-4]$/.test(key)) ctx.addIssue({ code: 'custom', path: ['when', key], message: `\`${key}\` is not a parameter number: use 1 to 4` })
      else if (Number(key) === subtype.parameter) {
        ctx.addIssue({ code: 'custom', path: ['when', key], message: 'a condition on the selecting parameter itself: put the value in `value`' })
      }
    }
    if (subtype.parameters && String(subtype.parameter) in subtype.parameters) {
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', String(subtype.parameter)],
        message: `parameter ${subtype.parameter} selects this case: its meaning is \`meaning\``,
      })
    }
  })

export type ParameterInput = z.input<typeof parameterObjectSchema>
export type ParameterEntry = z.output<typeof parameterEntrySchema>
export type SubtypeEntry = z.output<typeof subtypeSchema>

const codeSchema = z
  .string({ error: 'expected the code as 0x and eight hex digits, e.g. 0x0000009F' })
  .trim()
  .regex(/^0x[0-9A-F]{8}$/, { error: 'expected 0x and eight upper-case hex digits, e.g. 0x0000009F' })

/** One file of content/bugchecks/: everything the project knows about one code's parameters. */
export const referenceFileSchema = z
  .strictObject({
    code: codeSchema,
    name: z.string().trim().regex(/^[A-Z0-9_]+$/, { error: 'expected the upper-case symbolic name, e.g. DRIVER_POWER_STATE_FAILURE' }),
    /** One or two sentences, in the project's words. */
    summary: prose('`summary`'),
    /** Microsoft's reference page. */
    learnUrl: z.url({ protocol: /^https$/, error: 'expected the https URL of Microsoft’s reference page' }),
    /** The page of Microsoft's windows-driver-docs the facts were taken from; absent where it has none. */
    source: z.string().trim().min(1).optional(),
    /** How many parameters the code has: a number, or `unknown` where the reference does not say. */
    parameterCount: z.union([z.literal('unknown').transform(() => null), wholeNumber(0, 4)], {
      error: 'expected 0 to 4, or unknown',
    }),
    /** The `_M` variants share the parameters of the code named here (0x1000007E → 0x7E). */
    sameAs: codeSchema.optional(),
    /** `none` for a code without parameters; otherwise the parameters the reference describes. */
    parameters: z.union([z.literal('none'), parameterMapSchema], { error: 'expected `none` or parameters keyed 1 to 4' }).optional(),
    subtypes: z.array(subtypeSchema).optional(),
    /** Short remarks in the project's words: what to run next, which parameter matters. */
    notes: z.array(prose('a note')).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.parameters === 'none' && entry.parameterCount !== 0) {
      ctx.addIssue({ code: 'custom', path: ['parameters'], message: '`parameters: none` needs `parameterCount: 0`' })
    }
    if (entry.parameterCount === 0 && entry.parameters !== undefined && entry.parameters !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['parameters'], message: 'a code with `parameterCount: 0` has `parameters: none`' })
    }
    if (entry.parameterCount === 0 && entry.subtypes?.length) {
      ctx.addIssue({ code: 'custom', path: ['subtypes'], message: 'a code without parameters has no subtypes' })
    }
    if (entry.sameAs && (entry.parameters !== undefined || entry.subtypes !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['sameAs'], message: 'a `sameAs` variant takes its parameters from that code: remove `parameters` and `subtypes`' })
    }
    const count = entry.parameterCount
    const described = entry.parameters && entry.parameters !== 'none' ? Object.keys(entry.parameters).map(Number) : []
    for (const index of described) {
      if (count !== null && index > count) {
        ctx.addIssue({ code: 'custom', path: ['parameters', String(index)], message: `parameter ${index} of a code with ${count} parameters` })
      }
    }
    const seen = new Map<string, number>()
    entry.subtypes?.forEach((subtype, position) => {
      const conditions = Object.entries(subtype.when ?? {})
        .map(([key, values]) => `${key}=${values.join('|')}`)
        .sort()
        .join(',')
      for (const value of subtype.value ?? ['']) {
        const key = `${subtype.parameter}:${value}:${conditions}:${subtype.message ?? ''}`
        const first = seen.get(key)
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['subtypes', position, 'value'],
            message: `parameter ${subtype.parameter} = ${value} is already subtypes[${first}]`,
          })
        }
        seen.set(key, position)
      }
    })
  })

export type ReferenceFileInput = z.input<typeof referenceFileSchema>
export type ReferenceFile = z.output<typeof referenceFileSchema>

/**
 * A value that fits no branch of a union (`reserved`, or a parameter in full) is reported by the
 * branch it came closest to: the one whose problems lie deepest inside the value, so that a typo
 * in `decode` says so instead of "expected reserved or a parameter".
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue]
  const depth = (issues: z.core.$ZodIssue[]) => Math.max(...issues.map((inner) => inner.path.length))
  const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? []
  if (depth(best) === 0) return [issue]
  return best.flatMap((inner) => unwrapUnion({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue))
}

/** Every issue of a failed parse, unions resolved to the branch that came closest. */
export function flattenIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap(unwrapUnion)
}
