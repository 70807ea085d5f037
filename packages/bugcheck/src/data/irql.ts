/** Processor architectures whose IRQL numbering the site knows. */
export type IrqlArch = 'x64' | 'x86' | 'arm64'

// The same number means different levels per architecture: 12 is SYNCH_LEVEL on x64 but a device
// level on x86, where the clock sits at 28. Names and numbers follow wdm.h; where `!irql` output
// is on record (Microsoft's !irql and bug check 0xD1 pages) the name it prints comes first:
// `0 (LOW_LEVEL)`, `2 (DISPATCH_LEVEL)`, x86 `28 (CLOCK2_LEVEL)`, x64 `12 (SYNCH_LEVEL)`.
// DIRQL is not a constant but the documented term for the levels device interrupts are given.
type Levels = Readonly<Record<number, readonly string[]>>

const LOW: Levels = {
  0: ['LOW_LEVEL', 'PASSIVE_LEVEL'],
  1: ['APC_LEVEL'],
  2: ['DISPATCH_LEVEL'],
}

const X64: Levels = {
  ...LOW,
  ...deviceLevels(3, 11),
  5: ['CMCI_LEVEL', 'DIRQL'],
  12: ['SYNCH_LEVEL'],
  13: ['CLOCK_LEVEL'],
  14: ['IPI_LEVEL', 'POWER_LEVEL', 'DRS_LEVEL'],
  15: ['HIGH_LEVEL', 'PROFILE_LEVEL'],
}

// On multiprocessor x86 kernels SYNCH_LEVEL is IPI_LEVEL - 2, the same number as PROFILE_LEVEL.
const X86: Levels = {
  ...LOW,
  ...deviceLevels(3, 26),
  5: ['CMCI_LEVEL', 'DIRQL'],
  27: ['PROFILE_LEVEL', 'SYNCH_LEVEL'],
  28: ['CLOCK2_LEVEL', 'CLOCK1_LEVEL', 'CLOCK_LEVEL'],
  29: ['IPI_LEVEL'],
  30: ['POWER_LEVEL'],
  31: ['HIGH_LEVEL'],
}

// ARM64 has the x64 layout without a CMCI level.
const ARM64: Levels = {
  ...LOW,
  ...deviceLevels(3, 11),
  12: ['SYNCH_LEVEL'],
  13: ['CLOCK_LEVEL'],
  14: ['IPI_LEVEL', 'POWER_LEVEL', 'DRS_LEVEL'],
  15: ['HIGH_LEVEL', 'PROFILE_LEVEL'],
}

const BY_ARCH: Readonly<Record<IrqlArch, Levels>> = { x64: X64, x86: X86, arm64: ARM64 }

function deviceLevels(from: number, to: number): Levels {
  const levels: Record<number, readonly string[]> = {}
  for (let level = from; level <= to; level++) levels[level] = ['DIRQL']
  return levels
}

/**
 * Every name an IRQL number has on an architecture, the one `!irql` prints first.
 *
 * @example
 *   irqlNames(28, 'x86') // ['CLOCK2_LEVEL', 'CLOCK1_LEVEL', 'CLOCK_LEVEL']
 *   irqlNames(28, 'x64') // [] (x64 IRQLs stop at 15)
 */
export function irqlNames(level: number, arch: IrqlArch): readonly string[] {
  if (!Number.isInteger(level)) return []
  return BY_ARCH[arch][level] ?? []
}

/**
 * The name of an IRQL number on an architecture, aliases joined by `/`, e.g. `DISPATCH_LEVEL`,
 * `LOW_LEVEL/PASSIVE_LEVEL`, or `DIRQL` for a device level; `undefined` outside the
 * architecture's range (0-15 on x64 and ARM64, 0-31 on x86).
 */
export function irqlName(level: number, arch: IrqlArch): string | undefined {
  const names = irqlNames(level, arch)
  return names.length > 0 ? names.join('/') : undefined
}
