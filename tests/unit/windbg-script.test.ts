// The WinDbg script as the build publishes it (dist/windbg/runbook.js), without WinDbg: parsed as
// an ES2017 script, loaded into a fresh `vm` context with a mock `host` whose ExecuteCommand
// answers `.bugcheck`, and run as `!runbook` for several codes. The printed lines are checked.
import { createContext, runInContext } from 'node:vm'
import * as acorn from 'acorn'
import { beforeAll, describe, expect, test } from 'vitest'
import { realFences } from '../../plugins/remark-windbg/test/helpers.ts'
import { referenceDocument } from '../../src/lib/reference-document.ts'
import { buildWindbgScript } from '../../src/lib/windbg-script.ts'

let script: string

beforeAll(async () => {
  script = await buildWindbgScript(referenceDocument())
})

interface Session {
  log: string[]
  commands: string[]
  /** The `!runbook` function alias, as WinDbg would call it. */
  runbook: (...args: unknown[]) => unknown
  registered: { kind: string; args: unknown[] }[]
}

/** Loads the script into a fresh context whose `host` answers commands from `replies`. */
function load(replies: Record<string, string | Error>): Session {
  const log: string[] = []
  const commands: string[] = []
  const registered: { kind: string; args: unknown[] }[] = []
  class ApiVersionSupport {
    constructor(...args: unknown[]) {
      registered.push({ kind: 'apiVersionSupport', args })
    }
  }
  class FunctionAlias {
    constructor(...args: unknown[]) {
      registered.push({ kind: 'functionAlias', args })
    }
  }
  const host = {
    diagnostics: { debugLog: (...values: unknown[]) => log.push(values.map(String).join('')) },
    namespace: {
      Debugger: {
        Utility: {
          Control: {
            ExecuteCommand(command: string) {
              commands.push(command)
              const reply = replies[command] ?? ''
              if (reply instanceof Error) throw reply
              // WinDbg hands back a collection of lines; a Set is iterable the same way.
              return new Set(reply.split('\n'))
            },
          },
        },
      },
    },
    apiVersionSupport: ApiVersionSupport,
    functionAlias: FunctionAlias,
  }
  const context = createContext({ host })
  runInContext(script, context, { filename: 'runbook.js' })
  const initialized = runInContext('initializeScript()', context) as unknown[]
  expect(initialized).toHaveLength(2)
  const alias = registered.find((entry) => entry.kind === 'functionAlias') as unknown as { args: [(...args: unknown[]) => unknown, string] }
  expect(alias.args[1]).toBe('runbook')
  return { log, commands, runbook: alias.args[0], registered }
}

function printed(session: Session): string {
  return session.log.join('')
}

const fences = realFences()
const real0x1e = (fences.find((fence) => fence.file === 'bug-check-0x1e--kmode-exception-not-handled.md' && fence.value.includes('Bugcheck code'))?.value ?? '')
  .split('\n')
  .filter((line) => /^(Bugcheck code|Arguments)/.test(line))
  .join('\n')

describe('the published script', () => {
  test('is one classic script of ES2017 syntax: no import, no export, nothing newer', () => {
    expect(() => acorn.parse(script, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow()
    const code = script.replace(/var runbook_reference_default = [^\n]*\n/, '')
    // No import or export can pass the script parse above; nor anything only Node has.
    const nodeOnly = ['require(', 'process.env', 'process.argv', 'Buffer.', 'BigInt(', 'globalThis'].filter((word) => code.includes(word))
    expect(nodeOnly).toEqual([])
    expect(script).toContain('function initializeScript()')
  })

  test('initializeScript declares the API version and the runbook alias', () => {
    const session = load({})
    expect(session.registered.map((entry) => entry.kind)).toEqual(['apiVersionSupport', 'functionAlias'])
    expect(session.registered[0]?.args).toEqual([1, 7])
  })

  test('a 32-bit dump (real .bugcheck output of Microsoft’s 0x1E page): code, name, NTSTATUS, links', () => {
    expect(real0x1e).toBe('Bugcheck code 0000001e\nArguments c0000005 8013cd0a 00000000 0362cffff')
    const session = load({ '.bugcheck': real0x1e, '.prefer_dml': 'DML versions of commands off by default' })
    const result = session.runbook() as { code: string; toString(): string }
    expect(session.commands).toContain('.bugcheck')
    const text = printed(session)
    expect(text).toMatch(/^0x0000001E KMODE_EXCEPTION_NOT_HANDLED\n/)
    expect(text).toContain('  Arg1: 0xc0000005  ')
    expect(text).toContain('STATUS_ACCESS_VIOLATION')
    expect(text).toContain('  Page: https://bugcheck-runbooks.example.org/bugchecks/0x1e/\n')
    expect(String(result)).toBe('0x1E KMODE_EXCEPTION_NOT_HANDLED')
  })

  test('a 64-bit dump with a case: 0x9F, backticks included, the case chosen by parameter 1, DML links', () => {
    // Synthetic: .bugcheck's 64-bit reply, with the values of the real 0x9F dump banner in Microsoft's docs.
    const reply = 'Bugcheck code 0000009F\nArguments 00000000`00000003 ffffe000`f38c06a0 fffff803`c596cad0 ffffe000`f46a1010'
    const session = load({ '.bugcheck': reply, '.prefer_dml': 'DML versions of commands on by default' })
    const result = session.runbook() as { parameters: { name: string; decoded: string }[]; subtype: string }
    const text = printed(session)
    expect(text).toMatch(/^0x0000009F DRIVER_POWER_STATE_FAILURE\n/)
    expect(text).toMatch(/ {2}Case: A device object has held a power IRP for too long/)
    expect(text).toContain('  Arg2: 0xffffe000f38c06a0  Physical device object: kernel-mode address\n')
    expect(text).toContain('<link cmd=".shell -x start https://bugcheck-runbooks.example.org/bugchecks/0x9f/">https://bugcheck-runbooks.example.org/bugchecks/0x9f/</link>')
    expect(result.parameters.map((parameter) => parameter.name)).toEqual(['Violation type', 'Physical device object', 'Triage block', 'Blocked IRP'])
  })

  test('an _M variant reads with its code’s parameters; the runbooks of 0x20 are linked', () => {
    const variant = load({ '.bugcheck': 'Bugcheck code 1000008E\nArguments c0000005 bf920e48 baf75b38 00000000' })
    variant.runbook()
    expect(printed(variant)).toMatch(/^0x1000008E KERNEL_MODE_EXCEPTION_NOT_HANDLED_M\n/)
    expect(printed(variant)).toContain('STATUS_ACCESS_VIOLATION')
    const apc = load({})
    apc.runbook(0x20, 0, 0xffff, 0, 1)
    expect(printed(apc)).toContain('  Arg2: 0xffff  APC disable count: -1 as a signed 16-bit value\n')
    expect(printed(apc)).toContain('  Runbook: https://bugcheck-runbooks.example.org/runbooks/0x20-kmutex-not-released/\n')
  })

  test('a code without parameters, and explicit values given as the data model passes them', () => {
    const session = load({})
    // 64-bit values arrive as objects with toString(radix), like the host's Int64.
    const int64 = (text: string) => ({ toString: (radix?: number) => (radix === 16 ? text : String(Number.parseInt(text, 16))) })
    session.runbook(int64('e2'))
    expect(printed(session)).toMatch(/^0x000000E2 MANUALLY_INITIATED_CRASH\n/)
    expect(printed(session)).not.toContain('Arg1')
  })

  test('no bugcheck, a failing command and garbage each give one clear line', () => {
    const user = load({ '.bugcheck': 'Bugcheck code 00000000\nArguments 00000000 00000000 00000000 00000000' })
    expect(() => user.runbook()).not.toThrow()
    expect(user.log).toEqual([expect.stringMatching(/^runbook: this session has no bugcheck/)])
    const failing = load({ '.bugcheck': new Error('Unable to read dump') })
    failing.runbook()
    expect(failing.log).toEqual([expect.stringMatching(/^runbook: \.bugcheck failed \(Error: Unable to read dump\)/)])
    const garbage = load({ '.bugcheck': '\u0000\u0007 ???? %%%% not a reply' })
    garbage.runbook()
    expect(garbage.log).toHaveLength(1)
    const wrong = load({})
    wrong.runbook('zz')
    expect(wrong.log).toEqual([expect.stringMatching(/^runbook: give a bugcheck code and up to four hex values/)])
  })
})
