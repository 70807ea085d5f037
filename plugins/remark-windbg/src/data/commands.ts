/** What a reader is told about one debugger command, and where Microsoft documents it. */
export interface CommandReference {
  /** Canonical name, e.g. `!analyze`, `k` for the whole kb/kv/kn family, `.cxr`. */
  name: string
  /** One plain-text line (under ~110 characters) saying what the command does. */
  summary: string
  /** Absolute https URL of the command's documentation. */
  docs: string
}

// Locale-neutral Learn URLs (as in shared/data/bugcheck-codes.json): Learn picks the reader's language.
// Page names were checked against the debuggercmds table of contents of MicrosoftDocs/windows-driver-docs.
const LEARN = 'https://learn.microsoft.com/windows-hardware/drivers/'
const page = (slug: string): string => `${LEARN}debuggercmds/${slug}`
// Mex is published as a download, not on Learn; its download page is its only official page.
const MEX = 'https://www.microsoft.com/download/details.aspx?id=53304'
// No Learn page documents !blackboxntfs or !blackboxpnp: the command index is the honest target.
const INDEX = page('debugger-commands')

/**
 * Every command the site explains, sorted by name (code-unit order). Extension command names keep
 * their case: WinDbg matches them case-sensitively. All other names are lower case.
 */
export const COMMANDS: readonly CommandReference[] = [
  { name: '!address', summary: 'Shows how the virtual address space is used, region by region, with type, state and protection.', docs: page('-address') },
  { name: '!analyze', summary: 'Runs the automated crash analysis: bugcheck or exception, likely culprit, stack and bucket ID.', docs: page('-analyze') },
  { name: '!apc', summary: 'Lists the asynchronous procedure calls queued to threads.', docs: page('-apc') },
  { name: '!blackboxbsd', summary: 'Shows the Boot Status Data saved in a kernel dump: boot, shutdown and power-button history.', docs: page('-blackboxbsd') },
  { name: '!blackboxntfs', summary: 'Shows diagnostic data the NTFS file system saved into the kernel dump, when the dump has it.', docs: INDEX },
  { name: '!blackboxpnp', summary: 'Shows diagnostic data Plug and Play saved into the kernel dump, when the dump has it.', docs: INDEX },
  { name: '!chkimg', summary: "Compares a module's code in memory with its image file to find corrupted or patched bytes.", docs: page('-chkimg') },
  { name: '!deadlock', summary: 'Shows lock-order deadlocks found by the deadlock detection of Driver Verifier.', docs: page('-deadlock') },
  { name: '!devnode', summary: 'Shows a node of the Plug and Play device tree, or the whole tree.', docs: page('-devnode') },
  { name: '!devobj', summary: 'Shows a DEVICE_OBJECT: its driver, flags, attached devices and queued IRPs.', docs: page('-devobj') },
  { name: '!devstack', summary: 'Shows the stack of device objects, and their drivers, that a device object belongs to.', docs: page('-devstack') },
  { name: '!di', summary: 'Mex: dump information: machine, Windows build, uptime, and the bugcheck code with its parameters.', docs: MEX },
  { name: '!dpcs', summary: 'Lists the deferred procedure calls queued on each processor.', docs: page('-dpcs') },
  { name: '!drvobj', summary: 'Shows a DRIVER_OBJECT: its device objects and, with flags, its dispatch routines.', docs: page('-drvobj') },
  { name: '!error', summary: 'Turns a Win32 error code or NTSTATUS value into its name and message text.', docs: page('-error') },
  { name: '!gle', summary: 'Shows the last error value of the current thread, as GetLastError would return it.', docs: page('-gle') },
  { name: '!handle', summary: 'Lists the handles of a process, or shows one handle and the object behind it.', docs: page('-handle') },
  { name: '!heap', summary: 'Shows heap information: heaps, segments and entries, with leak and corruption checks.', docs: page('-heap') },
  { name: '!irp', summary: 'Shows an I/O request packet: its stack locations, the current one, and the drivers involved.', docs: page('-irp') },
  { name: '!irpfind', summary: 'Searches pool memory for I/O request packets, optionally filtered by a field value.', docs: page('-irpfind') },
  { name: '!irql', summary: 'Shows the IRQL a processor was at just before the debugger break or the bugcheck.', docs: page('-irql') },
  { name: '!locks', summary: 'Shows kernel ERESOURCE locks with their owning and waiting threads.', docs: page('-locks---kdext--locks-') },
  { name: '!ntsdexts.locks', summary: 'Lists the critical sections held in a user-mode process.', docs: page('-locks---ntsdexts-locks-') },
  { name: '!object', summary: "Shows a kernel object's header and body, or the entries of an object directory.", docs: page('-object') },
  { name: '!pcr', summary: 'Shows the Processor Control Region of a processor: current thread, IRQL, PRCB address.', docs: page('-pcr') },
  { name: '!peb', summary: 'Shows the process environment block: loaded modules, command line, environment.', docs: page('-peb') },
  { name: '!poaction', summary: 'Shows the power action in progress, the outstanding power IRPs and the threads handling them.', docs: `${LEARN}debugger/bug-check-0x9f--driver-power-state-failure` },
  { name: '!pool', summary: 'Shows the pool allocation that holds an address, or all allocations on its page, with tags.', docs: page('-pool') },
  { name: '!poolused', summary: 'Summarizes pool usage by allocation tag, to find which tag uses the most memory.', docs: page('-poolused') },
  { name: '!process', summary: 'Shows a process (EPROCESS) or lists processes, optionally with their threads and stacks.', docs: page('-process') },
  { name: '!pte', summary: 'Shows the page table entries that map a virtual address.', docs: page('-pte') },
  { name: '!ready', summary: 'Lists the threads that are ready to run, by priority.', docs: page('-ready') },
  { name: '!running', summary: 'Lists the thread running on each processor, optionally with stacks.', docs: page('-running') },
  { name: '!search', summary: 'Searches physical memory pages for a pointer-sized value.', docs: page('-search') },
  { name: '!stacks', summary: 'Summarizes the kernel stacks of all threads, optionally filtered by a module or function.', docs: page('-stacks') },
  { name: '!sysinfo', summary: 'Shows machine details recorded in the dump: firmware, processor, SMBIOS data.', docs: page('-sysinfo') },
  { name: '!teb', summary: 'Shows the thread environment block: stack bounds, TLS and last error value.', docs: page('-teb') },
  { name: '!thread', summary: 'Shows a thread: state, wait reason, owning process, times and call stack.', docs: page('-thread') },
  { name: '!verifier', summary: 'Shows Driver Verifier settings and statistics on the target.', docs: page('-verifier') },
  { name: '!vm', summary: 'Summarizes virtual memory use: commit charge, pool sizes, free system PTEs.', docs: page('-vm') },
  { name: '!wdfkd.wdfldr', summary: 'Lists the KMDF drivers bound to the framework loader, with their framework versions.', docs: page('-wdfkd-wdfldr') },
  { name: '$$', summary: 'Comment: the debugger ignores the text after $$ up to the next semicolon.', docs: page('-----comment-specifier-') },
  { name: '$<', summary: 'Runs the debugger commands in a script file ($<, $><, $$<, $$><, $$>a< differ in parsing).', docs: page('-----------------------a---run-script-file-') },
  { name: '*', summary: 'Comment line: the debugger ignores the whole line, semicolons included.', docs: page('----comment-line-specifier-') },
  { name: '.bugcheck', summary: 'Shows the bugcheck code and its four parameters.', docs: page('-bugcheck--display-bug-check-data-') },
  { name: '.chain', summary: 'Lists the loaded extension DLLs in the order the debugger searches them.', docs: page('-chain--list-debugger-extensions-') },
  { name: '.cls', summary: 'Clears the Debugger Command window.', docs: page('-cls--clear-screen-') },
  { name: '.cxr', summary: 'Shows a CONTEXT record and makes it the register context; .cxr alone resets the context.', docs: page('-cxr--display-context-record-') },
  { name: '.dump', summary: 'Writes a dump file of the target.', docs: page('-dump--create-dump-file-') },
  { name: '.ecxr', summary: 'Makes the context record saved with the current exception the register context.', docs: page('-ecxr--display-exception-context-record-') },
  { name: '.effmach', summary: 'Changes the processor mode the debugger uses, e.g. x86 for 32-bit code under WOW64.', docs: page('-effmach--effective-machine-') },
  { name: '.exptr', summary: 'Shows an EXCEPTION_POINTERS structure: its exception record and its context record.', docs: page('-exptr--display-exception-pointers-') },
  { name: '.exr', summary: 'Shows an exception record: exception code, flags, address and parameters.', docs: page('-exr--display-exception-record-') },
  { name: '.formats', summary: 'Shows a number in hexadecimal, decimal, octal, binary, character and time forms.', docs: page('-formats--show-number-formats-') },
  { name: '.frame', summary: 'Selects a stack frame as the local context for locals and registers.', docs: page('-frame--set-local-context-') },
  { name: '.lastevent', summary: 'Shows the last event that stopped the target, such as an exception or breakpoint.', docs: page('-lastevent--display-last-event-') },
  { name: '.lines', summary: 'Turns source line information on or off for stacks and disassembly.', docs: page('-lines--toggle-source-line-support-') },
  { name: '.load', summary: 'Loads a debugger extension DLL; .loadby loads it from the folder of a loaded module.', docs: page('-load---loadby--load-extension-dll-') },
  { name: '.logclose', summary: 'Closes the open log file.', docs: page('-logclose--close-log-file-') },
  { name: '.logopen', summary: 'Opens a log file that records the commands and output of the session.', docs: page('-logopen--open-log-file-') },
  { name: '.process', summary: 'Sets the process whose address space the kernel debugger reads.', docs: page('-process--set-process-context-') },
  { name: '.reload', summary: 'Reloads symbol information for all or some modules; /f forces immediate loading.', docs: page('-reload--reload-module-') },
  { name: '.symfix', summary: 'Points the symbol path at the Microsoft symbol server, with a local cache.', docs: page('-symfix--set-symbol-store-path-') },
  { name: '.sympath', summary: 'Shows or changes the symbol search path.', docs: page('-sympath--set-symbol-path-') },
  { name: '.thread', summary: 'Makes a thread the register context, so stack and register commands show that thread.', docs: page('-thread--set-register-context-') },
  { name: '.time', summary: 'Shows system uptime and, for a dump, when it was written.', docs: page('-time--display-system-time-') },
  { name: '.trap', summary: 'Shows a trap frame and makes its registers the current context.', docs: page('-trap--display-trap-frame-') },
  { name: '?', summary: 'Evaluates an expression and prints the result; ? alone lists common commands.', docs: page('---evaluate-expression-') },
  { name: '??', summary: 'Evaluates a C++ expression and shows the typed result.', docs: page('----evaluate-c---expression-') },
  { name: 'ba', summary: 'Sets a processor breakpoint that fires when memory is read, written or executed.', docs: page('ba--break-on-access-') },
  { name: 'bc', summary: 'Clears (deletes) breakpoints.', docs: page('bc--breakpoint-clear-') },
  { name: 'bd', summary: 'Disables breakpoints without deleting them.', docs: page('bd--breakpoint-disable-') },
  { name: 'be', summary: 'Enables breakpoints that were disabled.', docs: page('be--breakpoint-enable-') },
  { name: 'bl', summary: 'Lists breakpoints with their state and commands.', docs: page('bl--breakpoint-list-') },
  { name: 'bp', summary: 'Sets a breakpoint at an address; bu defers it until a module loads, bm sets it on a pattern.', docs: page('bp--bu--bm--set-breakpoint-') },
  { name: 'd', summary: 'Displays memory as bytes, words, dwords, qwords, pointers or text (da, db, dc, dd, dq, du, ...).', docs: page('d--da--db--dc--dd--dd--df--dp--dq--du--dw--dw--dyb--dyd--display-memor') },
  { name: 'dda', summary: 'Displays pointers and the memory each points to, as values, ASCII or Unicode text.', docs: page('dda--ddp--ddu--dpa--dpp--dpu--dqa--dqp--dqu--display-referenced-memory') },
  { name: 'dds', summary: 'Displays memory as DWORDs, QWORDs or pointers (dds, dqs, dps) with the symbol each value matches.', docs: page('dds--dps--dqs--display-words-and-symbols-') },
  { name: 'dl', summary: 'Walks a doubly linked LIST_ENTRY list and displays its elements.', docs: page('dl--display-linked-list-') },
  { name: 'ds', summary: 'Displays a STRING, ANSI_STRING or (dS) UNICODE_STRING structure.', docs: page('ds--ds--display-string-') },
  { name: 'dt', summary: "Displays a type's layout, or a structure at an address with the value of each field.", docs: page('dt--display-type-') },
  { name: 'dv', summary: 'Displays the local variables and parameters of the current frame.', docs: page('dv--display-local-variables-') },
  { name: 'dx', summary: 'Evaluates a debugger data model expression (C++ syntax, LINQ queries) and shows the result.', docs: page('dx--display-visualizer-variables-') },
  { name: 'e', summary: 'Writes values into memory (ea, eb, ed, eq, eu, ... choose the format).', docs: page('e--ea--eb--ed--ed--ef--ep--eq--eu--ew--eza--ezu--enter-values-') },
  { name: 'g', summary: 'Resumes the target, optionally until it reaches an address.', docs: page('g--go-') },
  { name: 'gu', summary: 'Resumes the target until the current function returns.', docs: page('gu--go-up-') },
  { name: 'k', summary: 'Displays the call stack of a thread; kb, kv, kp, kn and kc change the columns shown.', docs: page('k--kb--kc--kd--kp--kp--kv--display-stack-backtrace-') },
  { name: 'ld', summary: 'Loads the symbols of a module.', docs: page('ld--load-symbols-') },
  { name: 'lm', summary: 'Lists loaded modules; lmvm NAME shows one in detail: path, timestamp, version.', docs: page('lm--list-loaded-modules-') },
  { name: 'ln', summary: 'Shows the symbols nearest to an address.', docs: page('ln--list-nearest-symbols-') },
  { name: 'p', summary: 'Executes one instruction or source line, stepping over calls.', docs: page('p--step-') },
  { name: 'q', summary: 'Ends the debugging session (qq ends it for every client).', docs: page('q--qq--quit-') },
  { name: 'r', summary: 'Shows or changes registers.', docs: page('r--registers-') },
  { name: 's', summary: 'Searches a memory range for bytes, values or a string.', docs: page('s--search-memory-') },
  { name: 'sx', summary: 'Shows or changes how the debugger reacts to exceptions and events (sxe, sxd, sxn, sxi).', docs: page('sx--sxd--sxe--sxi--sxn--sxr--sx---set-exceptions-') },
  { name: 't', summary: 'Executes one instruction or source line, stepping into calls.', docs: page('t--trace-') },
  { name: 'u', summary: 'Disassembles code at an address; ub disassembles the instructions before it.', docs: page('u--unassemble-') },
  { name: 'uf', summary: 'Disassembles a whole function.', docs: page('uf--unassemble-function-') },
  { name: 'version', summary: 'Shows the debugger version, the target version and the loaded extensions.', docs: page('version--show-debugger-version-') },
  { name: 'vertarget', summary: 'Shows the Windows version and build, processor count and uptime of the target.', docs: page('vertarget--show-target-computer-version-') },
  { name: 'x', summary: 'Lists the symbols that match a pattern, in one module or all of them.', docs: page('x--examine-symbols-') },
  { name: '|', summary: 'Lists the processes being debugged and marks the current one.', docs: page('---process-status-') },
  { name: '|s', summary: 'Makes another process being debugged the current one.', docs: page('-s--set-current-process-') },
  { name: '||', summary: 'Lists the systems (targets or dumps) being debugged and marks the current one.', docs: page('----system-status-') },
  { name: '||s', summary: 'Makes another system being debugged the current one.', docs: page('--s--set-current-system-') },
  { name: '~', summary: 'Lists the threads of the current process with their state; a thread number selects one.', docs: page('---thread-status-') },
  { name: '~e', summary: 'Runs commands once for each of the threads given.', docs: page('-e--thread-specific-command-') },
  { name: '~f', summary: 'Freezes a thread so it does not run when the target resumes.', docs: page('-f--freeze-thread-') },
  { name: '~m', summary: 'Resumes a thread that ~n suspended.', docs: page('-m--resume-thread-') },
  { name: '~n', summary: "Suspends a thread, raising its suspend count.", docs: page('-n--suspend-thread-') },
  { name: '~s', summary: 'Makes a thread (user mode) or processor (kernel mode) the current one.', docs: page('-s--set-current-thread-') },
  { name: '~u', summary: 'Unfreezes a thread that ~f froze.', docs: page('-u--unfreeze-thread-') },
]

const BY_NAME: ReadonlyMap<string, CommandReference> = new Map(COMMANDS.map((entry) => [entry.name, entry]))

// `!wdfldr` reaches `!wdfkd.wdfldr` once wdfkd is loaded: index qualified entries by their short name too.
const BY_SHORT_EXTENSION: ReadonlyMap<string, CommandReference> = new Map(
  COMMANDS.filter((entry) => entry.name.startsWith('!') && entry.name.includes('.'))
    .map((entry) => [`!${entry.name.slice(entry.name.indexOf('.') + 1)}`, entry] as const)
    .filter(([short]) => !BY_NAME.has(short)),
)

// Command words that share a page: the letters after the first select columns, sizes or formats.
const FAMILIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^k[bcdflmnpv]*$/, 'k'],
  [/^lm[a-z]*$/, 'lm'],
  [/^d[dpq][apu]$/, 'dda'],
  [/^d[dpq]s$/, 'dds'],
  [/^d(?:[abcdfpquw]|y[bd])?$/, 'd'],
  [/^e(?:[abdfpquw]|z[au])?$/, 'e'],
  [/^b[mpu]$/, 'bp'],
  [/^u[bu]?$/, 'u'],
  [/^sx[deinr]?$/, 'sx'],
  [/^qq?$/, 'q'],
]

const ALIASES: ReadonlyMap<string, string> = new Map([
  ['.loadby', '.load'],
  ['.excr', '.ecxr'],
])

// `~2 kb`, `~* k`, `~~[1a4]s`, `~.`: the thread specifier that may open a command.
const RE_THREAD = /^~(\*|\.|#|\d+|~?\[[^\]]*\])?\s*(.*)$/s
const RE_PROCESS = /^\|(\*|\.|#|\d+|~?\[[^\]]*\])?\s*(.*)$/s
const RE_SYSTEM = /^\|\|(\*|\.|#|\d+)?\s*(.*)$/s
const RE_EXTENSION = /^!(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*)/
const RE_META = /^\.[A-Za-z_][\w]*/
const RE_WORD = /^[A-Za-z]+/
const RE_SCRIPT = /^\$\$?>?a?</

/**
 * Finds the reference entry for a command as typed after the prompt.
 *
 * Only the command word counts: `x mymodule!*` is `x`, `dd fe40caf8 L2` is the `d` family.
 * Families resolve to their shared page (`kb` → `k`, `lmvm` → `lm`, `dps` → `dds`), an
 * extension-qualified name to the command (`!ntsdexts.heap` → `!heap`, `!mex.di` → Mex's `!di`),
 * and a thread specifier to the command after it (`~* kb` → `k`). Built-in commands match in any
 * case, as WinDbg does; extension names match case-sensitively, as WinDbg does. Of several
 * commands joined by `;`, the first is resolved.
 *
 * A single `$` followed by text (`kd> $ Not an Irp`) is not a WinDbg command but an author's note
 * pasted into a transcript: it resolves to `undefined`, like any unknown command.
 */
export function lookupCommand(command: string): CommandReference | undefined {
  const typed = command.trim()
  if (typed === '') return undefined
  if (RE_SCRIPT.test(typed)) return BY_NAME.get('$<')
  if (typed.startsWith('$$')) return BY_NAME.get('$$')
  if (typed.startsWith('*')) return BY_NAME.get('*')
  if (typed.startsWith('!')) return lookupExtension(typed)
  if (typed.startsWith('||')) return lookupTargetStatus(typed, RE_SYSTEM, '||')
  if (typed.startsWith('|')) return lookupTargetStatus(typed, RE_PROCESS, '|')
  if (typed.startsWith('~')) return lookupThread(typed)
  if (typed.startsWith('??')) return BY_NAME.get('??')
  if (typed.startsWith('?')) return BY_NAME.get('?')
  const meta = RE_META.exec(typed)
  if (meta) return lookupWord(meta[0].toLowerCase())
  const word = RE_WORD.exec(typed)
  return word ? lookupWord(word[0].toLowerCase()) : undefined
}

function lookupWord(word: string): CommandReference | undefined {
  const direct = BY_NAME.get(ALIASES.get(word) ?? word)
  if (direct) return direct
  for (const [pattern, name] of FAMILIES) {
    if (pattern.test(word)) return BY_NAME.get(name)
  }
  return undefined
}

function lookupExtension(typed: string): CommandReference | undefined {
  const match = RE_EXTENSION.exec(typed)
  if (!match) return undefined
  const [, module, extension = ''] = match
  // The module is a DLL name, found case-insensitively; the export name is case-sensitive.
  if (module) {
    const qualified = BY_NAME.get(`!${module.toLowerCase()}.${extension}`)
    if (qualified) return qualified
  }
  return BY_NAME.get(`!${extension}`) ?? BY_SHORT_EXTENSION.get(`!${extension}`)
}

function lookupTargetStatus(typed: string, pattern: RegExp, name: '|' | '||'): CommandReference | undefined {
  const rest = (pattern.exec(typed)?.[2] ?? '').trim()
  if (rest === '') return BY_NAME.get(name)
  if (/^s$/i.test(rest)) return BY_NAME.get(`${name}s`)
  return undefined
}

function lookupThread(typed: string): CommandReference | undefined {
  const rest = (RE_THREAD.exec(typed)?.[2] ?? '').trim()
  if (rest === '') return BY_NAME.get('~')
  const letter = /^([efmnsu])(?:\s|$)/i.exec(rest)
  if (letter) return BY_NAME.get(`~${(letter[1] as string).toLowerCase()}`)
  // `~* kb` runs kb for every thread: the command after the specifier is what the step does.
  return lookupCommand(rest)
}
