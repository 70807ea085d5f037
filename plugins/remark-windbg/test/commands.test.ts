import { describe, expect, it } from 'vitest'
import { COMMANDS, lookupCommand } from '../src/data/commands.ts'
import { parseTranscript } from '../src/parse/transcript.ts'
import { realFences } from './helpers.ts'

const MEX_COMMANDS = new Set(['!di'])

/** A single `$` and a space: an author's note typed at a prompt, not a WinDbg command. */
function isAuthorNote(command: string): boolean {
  return /^\$(?!\$)(?:\s|$)/.test(command)
}

function expectDocsUrl(name: string, docs: string): void {
  const url = new URL(docs)
  expect(url.protocol).toBe('https:')
  if (MEX_COMMANDS.has(name)) expect(url.hostname).toBe('www.microsoft.com')
  else expect(url.hostname).toBe('learn.microsoft.com')
}

describe('every command in the real transcripts', () => {
  const steps = realFences().flatMap((fence) =>
    parseTranscript(fence.value).steps.map((step) => ({ file: fence.file, ...step })),
  )

  it('finds the transcripts', () => {
    expect(steps.length).toBeGreaterThan(80)
  })

  // Bare prompts (`0:001>` on its own) have no command to explain.
  const commands = steps.filter((step) => step.command !== '')

  it.each(commands.filter((step) => !isAuthorNote(step.command)).map((step) => [step.file, step.command] as const))(
    '%s: %s resolves to a documented command',
    (_file, command) => {
      const reference = lookupCommand(command)
      expect(reference, command).toBeDefined()
      if (reference) expectDocsUrl(reference.name, reference.docs)
    },
  )

  it('leaves author notes typed as `$ text` without a tooltip', () => {
    const notes = commands.filter((step) => isAuthorNote(step.command))
    expect(notes.map((step) => step.command)).toEqual(['$ Not an Irp', '$ Not an Irp', '$ Matches signature'])
    for (const note of notes) expect(lookupCommand(note.command)).toBeUndefined()
  })
})

describe('lookupCommand', () => {
  const nameOf = (command: string): string | undefined => lookupCommand(command)?.name

  it('resolves stack backtrace variants to the k page', () => {
    for (const command of ['k', 'kb', 'kv', 'kp', 'kP', 'kn', 'kc', 'kd 20', 'kPn', 'kvn 100', 'KB']) {
      expect(nameOf(command), command).toBe('k')
    }
    expect(lookupCommand('kb')?.docs).toBe(
      'https://learn.microsoft.com/windows-hardware/drivers/debuggercmds/k--kb--kc--kd--kp--kp--kv--display-stack-backtrace-',
    )
  })

  it('resolves module listing variants to the lm page', () => {
    for (const command of ['lm', 'lmvm atikmpag', 'lm m s*', 'lm sm', 'lmv', 'lmDvm nt']) {
      expect(nameOf(command), command).toBe('lm')
    }
    expect(nameOf('ln fffff806`22c00000')).toBe('ln')
  })

  it('resolves display memory commands by their whole word', () => {
    expect(nameOf('dd fe40caf8 L2')).toBe('d')
    expect(nameOf('dd 808A7B0C-4 l4')).toBe('d')
    for (const command of ['db @rsp', 'dq rsp', 'du 0x1234', 'dD 0', 'dW 0', 'dyb 0', 'd']) {
      expect(nameOf(command), command).toBe('d')
    }
    expect(nameOf('dds f50bea74')).toBe('dds')
    expect(nameOf('dps @rsp L20')).toBe('dds')
    expect(nameOf('dqs 0')).toBe('dds')
    expect(nameOf('dpp 0')).toBe('dda')
    expect(nameOf('dt nt!_PEB Ldr 7ffdf000')).toBe('dt')
    expect(nameOf('dx KiBugCheckDriver')).toBe('dx')
  })

  it('looks only at the command word, never at its arguments', () => {
    expect(nameOf('x mymodule!*')).toBe('x')
    expect(nameOf('u  win32k!HFDBASIS32::vHalveStepSize')).toBe('u')
    expect(nameOf('ub @rip L8')).toBe('u')
    expect(nameOf('uf nt!KeBugCheckEx')).toBe('uf')
    expect(nameOf('bp1 nt!NtCreateFile')).toBe('bp')
    expect(nameOf('bu mydriver!DriverEntry')).toBe('bp')
  })

  it('resolves Mex commands, qualified or not, to the Mex download page', () => {
    const qualified = lookupCommand('!mex.di')
    expect(qualified?.name).toBe('!di')
    expect(qualified?.docs).toBe('https://www.microsoft.com/download/details.aspx?id=53304')
    expect(lookupCommand('!di')).toBe(qualified)
    expect(lookupCommand('!Mex.di')).toBe(qualified)
  })

  it('resolves extension-qualified names to the command', () => {
    expect(nameOf('!ntsdexts.heap -a')).toBe('!heap')
    expect(nameOf('!ext.blackboxbsd')).toBe('!blackboxbsd')
    expect(nameOf('!kdexts.locks')).toBe('!locks')
    expect(nameOf('!ntsdexts.locks')).toBe('!ntsdexts.locks')
    expect(nameOf('!wdfkd.wdfldr')).toBe('!wdfkd.wdfldr')
    expect(nameOf('!wdfldr')).toBe('!wdfkd.wdfldr')
  })

  it('matches extension names case-sensitively, like WinDbg, and built-ins in any case', () => {
    expect(lookupCommand('!Analyze -v')).toBeUndefined()
    expect(nameOf('.BUGCHECK')).toBe('.bugcheck')
    expect(nameOf('LMVM nt')).toBe('lm')
  })

  it('resolves process, system and thread status commands', () => {
    for (const command of ['||', '||*', '||.', '||#', '||2']) expect(nameOf(command), command).toBe('||')
    expect(nameOf('||1s')).toBe('||s')
    expect(nameOf('|')).toBe('|')
    expect(nameOf('|1s')).toBe('|s')
    expect(nameOf('~')).toBe('~')
    expect(nameOf('~*')).toBe('~')
    expect(nameOf('~0s')).toBe('~s')
    expect(nameOf('~3f')).toBe('~f')
    expect(nameOf('~* kb')).toBe('k')
    expect(nameOf('~2 r')).toBe('r')
  })

  it('resolves comments, script runs and expressions', () => {
    expect(nameOf('$$ note')).toBe('$$')
    expect(nameOf('* the whole line is a comment; kb')).toBe('*')
    expect(nameOf('$$>a< c:\\scripts\\triage.txt')).toBe('$<')
    expect(nameOf('$<c:\\scripts\\triage.txt')).toBe('$<')
    expect(nameOf('? 0x20 + 4')).toBe('?')
    expect(nameOf('?? sizeof(nt!_KTHREAD)')).toBe('??')
  })

  it('resolves the first of several commands joined by semicolons', () => {
    expect(nameOf('.cxr; .ecxr ; kb')).toBe('.cxr')
    expect(nameOf('.loadby sos clr')).toBe('.load')
  })

  it('returns undefined for unknown or empty commands', () => {
    expect(lookupCommand('!foobar')).toBeUndefined()
    expect(lookupCommand('!mex.foobar')).toBeUndefined()
    expect(lookupCommand('.foobar')).toBeUndefined()
    expect(lookupCommand('zzz')).toBeUndefined()
    expect(lookupCommand('')).toBeUndefined()
    expect(lookupCommand('   ')).toBeUndefined()
    expect(lookupCommand('$ Not an Irp')).toBeUndefined()
    expect(lookupCommand('constructor')).toBeUndefined()
  })

  it('covers every command the runbooks rely on', () => {
    const required = [
      '.load mex', '!di', '!mex.di', '!analyze -v', 'lm', 'lmvm nt', 'dt nt!_KTHREAD', 'k', 'kb', '!pcr', '!dpcs',
      '.bugcheck', 'dd 0', 'dds 0', '.exr 0', '.cxr 0', '!irp 0', '!devstack 0', '!poaction', 'dx @$curthread',
      '!irql', '!chkimg nt', 'u 0', '!deadlock', '.lines', '!heap', '!process 0 0', '!thread', '!search 0', 'x nt!*',
      '||', '$$ note', '* note', '.ecxr', '.trap 0', '.thread 0', '.process 0', '.reload /f', '.symfix', '.sympath',
      'vertarget', '!vm', '!poolused 2', '!pool 0', '!locks', '!running', '!stacks 2', '!ready', '!object \\',
      '!drvobj x', '!devobj 0', '!pte 0', 'r', 'g', 'p', 't', 'bp 0', 'bl', 'ln 0', '!error c0000005', '!gle', '!peb',
      '!teb', '~', '|', '!wdfkd.wdfldr', '!blackboxbsd', '!blackboxntfs', '!blackboxpnp', '.cls', '.logopen c:\\log.txt',
    ]
    for (const command of required) expect(lookupCommand(command), command).toBeDefined()
  })
})

describe('COMMANDS', () => {
  it('is sorted by name, without duplicates', () => {
    const names = COMMANDS.map((entry) => entry.name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(new Set(names).size).toBe(names.length)
  })

  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('%s has a one-line summary and docs', (name, entry) => {
    expect(entry.summary.length).toBeGreaterThan(10)
    expect(entry.summary.length).toBeLessThan(110)
    // Plain text: the renderer puts it in a tooltip as is, so no Markdown or HTML.
    expect(entry.summary).not.toMatch(/\n|`|\*\*|<\/?[a-z]/)
    expect(entry.summary).toMatch(/\.$/)
    expectDocsUrl(name, entry.docs)
  })

  it('resolves every entry by its own name', () => {
    for (const entry of COMMANDS) expect(lookupCommand(entry.name)?.name, entry.name).toBe(entry.name)
  })
})
