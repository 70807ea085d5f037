// How the code pages name each way of reading a value (the `decode` of a parameter).
import type { BugcheckParameter } from 'bugcheck-reference'

const LABELS: Record<BugcheckParameter['decode'], string> = {
  hex: 'hex',
  pointer: 'address',
  signed: 'signed number',
  irql: 'IRQL',
  ntstatus: 'NTSTATUS',
  decimal: 'count',
  duration: 'time',
  enum: 'one of the values listed',
  flags: 'bit field',
  bugcheck: 'bugcheck code',
  ascii: 'four ASCII characters',
}

/** `signed number, 16-bit`, `time in seconds`, `count of bytes`. */
export function readAs(parameter: BugcheckParameter): string {
  const label = LABELS[parameter.decode]
  if (parameter.decode === 'signed' && parameter.bits) return `${label}, ${parameter.bits}-bit`
  if (parameter.decode === 'duration' && parameter.unit) return `${label} in ${parameter.unit === '100ns' ? '100 ns units' : parameter.unit}`
  if (parameter.decode === 'decimal' && parameter.unit) return `count of ${parameter.unit}`
  return label
}
