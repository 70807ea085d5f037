// Small numeric and formatting helpers shared by the benchmark's sections.

/** The middle value (the lower middle for an even count): robust to one slow outlier run. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] as number
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

/** `1234567` → `1.18 MiB`; bytes below 10 KiB stay exact so small budgets read precisely. */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a'
  if (Math.abs(value) < 10 * 1024) return `${Math.round(value)} B`
  if (Math.abs(value) < 1024 * 1024) return `${(value / 1024).toFixed(1)} KiB`
  return `${(value / 1024 / 1024).toFixed(2)} MiB`
}

export function kib(value: number): string {
  return Number.isFinite(value) ? `${(value / 1024).toFixed(1)} KiB` : 'n/a'
}

export function seconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)} s` : 'n/a'
}

export function millis(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a'
}

/** A ratio to two decimals with its `×`, or `n/a` when either side is missing. */
export function ratio(numerator: number, denominator: number): string {
  const value = numerator / denominator
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a'
}

export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
}
