import { describe, expect, test } from 'vitest'
import { codeWord, normaliseQuery } from '../../src/lib/search-query.ts'
import { partialName } from '../lib/search-forms.ts'
import { catalog } from '../../src/lib/catalog.ts'

describe('normaliseQuery', () => {
  test.each([
    ['0x20', '0x00000020'],
    ['0x00000020', '0x00000020'],
    ['0x0000020', '0x00000020'],
    ['20', '0x00000020'],
    ['0X20', '0x00000020'],
    ['1e', '0x0000001e'],
    ['1000007E', '0x1000007e'],
    ['a', '0x0000000a'],
    ['bsod 0x20', '0x00000020'],
    ['stop code 0x0000009F', '0x0000009f'],
    ['BugCheck 9F, {3,', '0x0000009f 0x00000003'],
  ])('%j searches %j', (raw, search) => {
    expect(normaliseQuery(raw).search).toBe(search)
  })

  test.each(['KERNEL_APC_PENDING_DURING_EXIT', 'kernel apc pending during exit', 'apc pending', 'bad pool header', 'PspExitThread'])(
    '%j stays words',
    (raw) => {
      expect(normaliseQuery(raw)).toEqual({ search: raw, codes: [] })
    },
  )

  test('letters-only hex counts as a code only when it is the whole query', () => {
    expect(codeWord('dead')).toBeUndefined()
    expect(codeWord('dead', true)).toBe('0x0000dead')
    expect(normaliseQuery('dead lock').codes).toEqual([])
  })

  test('nothing but noise words stays as typed', () => {
    expect(normaliseQuery('bsod').search).toBe('bsod')
    expect(normaliseQuery('   ').search).toBe('')
  })
})

describe('partialName (the search test\'s "part of the name" form)', () => {
  const entry = (name: string) => catalog.find((candidate) => candidate.name === name)!
  test('the shortest distinctive run of words', () => {
    expect(partialName(entry('KERNEL_APC_PENDING_DURING_EXIT'))).toBe('apc pending')
  })
  test('the whole name where no shorter run is distinctive', () => {
    expect(partialName(entry('THREAD_STUCK_IN_DEVICE_DRIVER_M'))).toBe('thread stuck in device driver m')
  })
})

describe('partialName skips fragments that hang on a short word', () => {
  test('CANCEL_STATE_IN_COMPLETED_IRP', () => {
    const entry = catalog.find((candidate) => candidate.name === 'CANCEL_STATE_IN_COMPLETED_IRP')!
    expect(partialName(entry)).toBe('completed irp')
  })
})
