// The isomorphic part of remark-windbg: plain functions over text, no DOM, no Node built-ins, no
// highlighter. The triage page runs this same code in the browser.
export { parseTranscript, isTranscript, splitLines, type Transcript, type TranscriptStep } from './src/parse/transcript.ts'
export { matchPrompt, type PromptMatch } from './src/parse/prompt.ts'
export {
  findBugcheck,
  findBugchecks,
  findParameterMarks,
  groupFindings,
  normaliseHex,
  type BugcheckFinding,
  type ParameterMark,
  type ParameterFormat,
} from './src/parse/bugcheck.ts'
export { parseMeta, type TranscriptAnnotations } from './src/parse/meta.ts'
export {
  describeParameter,
  decodeValue,
  guessArchitecture,
  signedValue,
  type ParameterReading,
  type Architecture,
} from './src/decode/decode.ts'
export {
  bugcheckParameterSchema,
  bugcheckParametersSchema,
  bugcheckSubtypeSchema,
  readParameterDocs,
  parameterDecodings,
  type BugcheckParameter,
  type BugcheckSubtype,
  type ParameterDocs,
  type ParameterDecoding,
} from './src/schema.ts'
export { isWindbgFence } from './src/detect.ts'
export { resolveOptions, type Options, type Settings } from './src/options.ts'
