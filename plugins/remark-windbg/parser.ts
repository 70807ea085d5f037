// The isomorphic part of remark-windbg: plain functions over text, no DOM, no Node built-ins, no
// highlighter. The triage page runs this same code in the browser. Finding and decoding bugchecks
// is bugcheck-reference's, re-exported here so that one import serves a transcript tool.
export { parseTranscript, isTranscript, type Transcript, type TranscriptStep } from './src/parse/transcript.ts'
export { matchPrompt, type PromptMatch } from './src/parse/prompt.ts'
export { parseMeta, type TranscriptAnnotations } from './src/parse/meta.ts'
export { isWindbgFence } from './src/detect.ts'
export { resolveOptions, type Options, type Settings } from './src/options.ts'
export {
  splitLines,
  findBugcheck,
  findBugchecks,
  findParameterMarks,
  groupFindings,
  normaliseHex,
  describeParameter,
  decodeValue,
  guessArchitecture,
  type BugcheckFinding,
  type ParameterMark,
  type ParameterFormat,
  type ParameterReading,
  type Architecture,
  type BugcheckParameter,
  type BugcheckSubtype,
  type BugcheckReference,
  type ParameterDocs,
} from 'bugcheck-reference'
