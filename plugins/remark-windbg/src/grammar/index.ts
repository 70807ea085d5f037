import type { LanguageRegistration } from 'shiki'
import grammar from './windbg.tmLanguage.json' with { type: 'json' }

// Asserted because the type TypeScript infers for the JSON (string-keyed captures, `comment`
// fields) does not line up with vscode-textmate's rule types.
const language = grammar as unknown as LanguageRegistration

/**
 * TextMate grammar for WinDbg, KD and CDB transcripts: prompts, commands, `!analyze` output,
 * stacks, `dt` dumps. Give it to Shiki (`createHighlighter({ langs: [windbgLanguage] })`) or to
 * Expressive Code (`expressiveCode.shiki.langs`). Its name is `windbg`; `kd` and `dbgeng` are aliases.
 *
 * Every rule matches within one line, so a malformed transcript cannot leave a scope open over
 * the lines after it.
 */
export const windbgLanguage: LanguageRegistration = language

/**
 * The scope each kind of token gets. A renderer should match by prefix: sub-scopes may be added
 * after these later, but these stay as they are.
 *
 * @example
 *   WINDBG_SCOPES.prompt // 'keyword.control.prompt.windbg', on `0: kd>`
 */
export const WINDBG_SCOPES = Object.freeze({
  /** `0: kd>`, `kd>`, `lkd>`, `0:000>`, `0:000:x86>`, `3:2:005>`, `||1:1:017>` at line start. */
  prompt: 'keyword.control.prompt.windbg',
  /** First word after a prompt (`!analyze`, `.load`, `dt`, `||`), and after `;`. */
  command: 'entity.name.function.command.windbg',
  /** `-v`, `/f`, `-a` on a command line. */
  option: 'variable.parameter.option.windbg',
  /** `$$ …`, `* …` as the command, and an author's note after a wide gap on a command line. */
  comment: 'comment.line.windbg',
  /** ``fffff806`22c00000`` and bare runs of 8 or 16 hex digits. */
  address: 'constant.numeric.address.windbg',
  /** `0x20`, `0n123`, decimals, GUIDs, hex values of fields (`BUGCHECK_P2: ffff`). */
  number: 'constant.numeric.windbg',
  /** `nt!KeBugCheckEx`, `dxgkrnl!DXGADAPTER::Reset+0x23f`. */
  symbol: 'entity.name.function.symbol.windbg',
  /** `Key`/`Value:` and the key name, `BUGCHECK_CODE:`, `Arg1:`, `dt` field names. */
  key: 'variable.other.key.windbg',
  /** `"Wdf01000.sys"`. */
  string: 'string.quoted.windbg',
  /** `Memory read error …`, `Failed to …`, `*** ERROR: …`, `<--- INVALID`. */
  error: 'invalid.illegal.error.windbg',
  /** `Warning: …`, `*** WARNING: …`. */
  warning: 'markup.warning.windbg',
  /** The `****` box of `!analyze` and its `Bugcheck Analysis` title. */
  banner: 'markup.heading.banner.windbg',
  /** `KERNEL_APC_PENDING_DURING_EXIT` in the title line `KERNEL_APC_PENDING_DURING_EXIT (20)`. */
  bugcheck: 'support.constant.bugcheck.windbg',
} as const)

export type WindbgTokenKind = keyof typeof WINDBG_SCOPES
