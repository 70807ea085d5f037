import { parseArgs, type ParseArgsConfig } from 'node:util'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
const HELP = { help: { type: 'boolean', short: 'h' } } as const

/**
 * The command line read with `options` plus `--help` (positional arguments only where
 * `positionals` says so). Returns
 * the exit code instead when there is nothing more to do: 0 after printing `usage` for `--help`,
 * 2 after printing what was wrong (an unknown flag, a missing value) and `usage`.
 */
export function readCommandLine<const T extends OptionsConfig>(options: T, usage: string, positionals = false) {
  let parsed
  try {
    parsed = parseArgs({ options: { ...options, ...HELP }, allowPositionals: positionals })
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  // Inside this generic function TypeScript cannot see `help` in the values; callers see every flag.
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage)
    return 0
  }
  return parsed
}
