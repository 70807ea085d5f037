/**
 * Guesses the language of an untagged fence that is not debugger output, only where the content
 * leaves no doubt: a wrong tag colours a block worse than no tag, so anything unclear stays
 * untagged. Every answer is a language Shiki knows, so the build prints no warning for it.
 */
export type GuessedLanguage = 'c' | 'cpp' | 'powershell' | 'cmd'

const RE_PS_PROMPT = /^\s*PS [A-Za-z]:\\[^>]*>/
const RE_CMDLET =
  /(?:^|[|;(]\s*)(?:Get|Set|New|Remove|Start|Stop|Restart|Invoke|Add|Import|Export|Test|Enable|Disable|Write|Out|Select|Where|ForEach|Format|Measure|Sort|Clear|Copy|Move|Rename|Resolve|Wait)-[A-Z][A-Za-z]+\b/m
const RE_PS_VARIABLE = /(?:^|\s)\$(?:env:\w+|PSVersionTable|_\.|\w+\s*=)/m

// Windows tools that are not also English words, so a line starting with one is a command.
const CMD_TOOLS = [
  'sc', 'bcdedit', 'bcdboot', 'verifier', 'netsh', 'dism', 'sfc', 'wmic', 'wevtutil', 'pnputil', 'fltmc', 'driverquery',
  'shutdown', 'tasklist', 'taskkill', 'systeminfo', 'procdump', 'procdump64', 'notmyfault', 'notmyfault64', 'gflags',
  'livekd', 'windbg', 'windbgx', 'cdb', 'devcon', 'symchk', 'xcopy', 'robocopy', 'mklink', 'icacls', 'takeown',
  'msiexec', 'certutil', 'powercfg', 'schtasks', 'cmd', 'reg', 'net', 'kd',
]
const RE_CMD_PROMPT = /^\s*[A-Za-z]:\\[^>]*>\s*\S/
const RE_CMD_TOOL = new RegExp(`^\\s*(?:${CMD_TOOLS.join('|')})(?:\\.exe)?(?:\\s+[-/\\w"]|\\s*$)`, 'i')
// `reg`, `net` and `kd` need what follows them to be sure.
const RE_AMBIGUOUS_TOOL = /^\s*(?:(?:reg|net|kd)(?:\.exe)?)\b/i
const RE_AMBIGUOUS_OK = /^\s*(?:reg(?:\.exe)?\s+(?:add|query|delete|export|import|copy|save|load)\b|net(?:\.exe)?\s+(?:start|stop|use|user|share)\b|kd(?:\.exe)?\s+-)/i

const RE_C_DIRECTIVE = /^\s*#\s*(?:include|define|pragma|ifn?def|if|endif)\b/m
const RE_C_DECLARATION =
  /^\s*(?:static\s+|extern\s+|const\s+)*(?:NTSTATUS|VOID|void|int|char|unsigned|long|ULONG|LONG|BOOLEAN|BOOL|DWORD|HANDLE|PVOID|typedef|struct)\b[^;{]*[;{(]/m
const RE_C_STATEMENT_END = /[;{}]\s*$/m
const RE_CPP = /\bstd::|\btemplate\s*<|^\s*class\s+\w+|^\s*namespace\s+\w+|\bnullptr\b|^\s*(?:public|private|protected):/m

function firstLine(value: string): string {
  return value.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? ''
}

function isCmd(value: string): boolean {
  const line = firstLine(value)
  if (RE_CMD_PROMPT.test(line)) return true
  if (!RE_CMD_TOOL.test(line)) return false
  return !RE_AMBIGUOUS_TOOL.test(line) || RE_AMBIGUOUS_OK.test(line)
}

function isPowerShell(value: string): boolean {
  return RE_PS_PROMPT.test(firstLine(value)) || RE_CMDLET.test(value) || RE_PS_VARIABLE.test(value)
}

function isC(value: string): boolean {
  return RE_C_DIRECTIVE.test(value) || (RE_C_DECLARATION.test(value) && RE_C_STATEMENT_END.test(value))
}

/** The language of a fence where it is clear, else undefined. Debugger output is decided elsewhere. */
export function guessLanguage(value: string): GuessedLanguage | undefined {
  if (isPowerShell(value)) return 'powershell'
  if (isCmd(value)) return 'cmd'
  if (isC(value)) return RE_CPP.test(value) ? 'cpp' : 'c'
  return undefined
}
