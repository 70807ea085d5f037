// Transcripts the way Microsoft's pages and pasted sessions show them (test/fixtures/sessions/:
// real blocks of windows-driver-docs, CC BY 4.0, each with the shape it was chosen for): output
// before the first prompt, heading marks before a prompt, malformed and doubled prompts, a shell
// line before the debugger; and real blocks that only look like transcripts.
import { describe, expect, test } from 'vitest'
import { isTranscript, isWindbgFence, parseTranscript, resolveOptions } from '../parser.ts'
import { sessionFences, type SessionFence } from './helpers.ts'

const fences = sessionFences()
const settings = resolveOptions({})
const ofShape = (shape: string) => fences.filter((fence) => fence.shape === shape)
const block = (file: string, index = 0) => fences.find((fence) => fence.file === file && fence.index === index) as SessionFence
const rendered = (fence: SessionFence) => isWindbgFence({ lang: fence.lang ?? null, value: fence.value }, settings)
const steps = (fence: SessionFence) => parseTranscript(fence.value).steps.map((step) => [step.lead ?? '', step.prompt, step.command])

describe('real blocks of every shape', () => {
  test('the fixtures hold every shape, and every non-negative block renders as a transcript', () => {
    expect(new Set(fences.map((fence) => fence.shape))).toEqual(new Set(['1', '2', '3', '4', '5', '6']))
    for (const fence of fences.filter((candidate) => candidate.shape !== '6')) expect(rendered(fence), `${fence.file} #${fence.index}`).toBe(true)
  })

  test('1: output before the first prompt is the preamble, and the steps follow', () => {
    const disassembly = parseTranscript(block('checking-for-resource-conflicts.md').value)
    expect(disassembly.preamble).toEqual(['ntoskrnl!IopStartDevice:', '80420212 55               push    ebp'])
    expect(disassembly.steps.map((step) => step.command)).toEqual(['kb', '!devobj ff0ce870', '!devnode ff0cde88 6'])
    const breakIn = parseTranscript(block('how-the-checked-build-indicates-a-problem.md', 2).value)
    expect(breakIn.preamble[0]).toBe('Break instruction exception - code 80000003 (first chance)')
    expect(breakIn.preamble).toHaveLength(3)
    expect(breakIn.steps).toMatchObject([{ prompt: '1: kd>', command: 'kb' }])
    expect(breakIn.steps[0]?.output).toHaveLength(9)
  })

  test('2: heading marks pasted before a prompt lead it, and are not the command', () => {
    expect(steps(block('-cs.md'))[0]).toEqual(['## ', '0:001>', '!cs'])
    expect(steps(block('-wdfkd-wdfldr.md'))[0]).toEqual(['## ', '0: kd>', '!wdfkd.wdfldr'])
    expect(steps(block('-wdfkd-wdfpoolusage.md'))[0]?.slice(0, 2)).toEqual(['## ', 'kd>'])
    expect(steps(block('using-linq-with-the-debugger-objects.md'))[0]?.slice(0, 2)).toEqual(['# ', '0: kd>'])
    for (const fence of ofShape('2')) expect(steps(fence)[0]?.[2], fence.file).not.toMatch(/^#|kd>/)
  })

  test('3: malformed prompts are steps, with the prompt as printed', () => {
    expect(steps(block('-usb3kd-ucx-device.md'))[0]?.slice(1)).toEqual(['3: 3: kd>', '!ucx_controller_list'])
    expect(steps(block('-usbkd-usbhcdlog.md'))[0]?.slice(1, 2)).toEqual(['0 kd>'])
    expect(steps(block('time-travel-debugging-object-model.md'))[0]?.slice(1, 2)).toEqual([':000>'])
    expect(steps(block('linux-crash-dumps.md', 1)).map((step) => step[1])).toEqual([':000>', '0:000>', '0:000>'])
  })

  test('4: prompts pasted twice: the last well-formed one is the prompt, the command follows it', () => {
    const page = 'getting-started-with-windbg--kernel-mode-.md'
    expect(steps(block(page, 0))[0]).toEqual(['0:000>', '3: kd>', 'lm'])
    expect(steps(block(page, 4))[0]).toEqual(['0:000>', '2: kd>', 'k'])
    expect(steps(block(page, 5))[0]?.slice(0, 2)).toEqual(['0:000>0:000>', '0: kd>'])
    expect(steps(block(page, 5))[0]?.[2]).toMatch(/^!process ffffe00000d52900/)
  })

  test('5: a shell line before the debugger starts is preamble, even in a console fence', () => {
    const fence = block('mapping-driver-files.md')
    expect(fence.lang).toBe('console')
    const transcript = parseTranscript(fence.value)
    expect(transcript.preamble).toEqual(['D:\\Debugging Tools for Windows> kd'])
    expect(transcript.steps[0]).toMatchObject({ prompt: 'kd>', command: expect.stringMatching(/^\.kdfiles /) })
  })

  test('6: blocks that only look like transcripts are left alone', () => {
    const negatives = ofShape('6')
    expect(negatives.length).toBeGreaterThanOrEqual(8)
    for (const fence of negatives) {
      expect(isTranscript(fence.value), `${fence.file} #${fence.index}`).toBe(false)
      expect(rendered(fence), `${fence.file} #${fence.index}`).toBe(false)
    }
  })
})
