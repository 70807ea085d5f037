// bugcheck-reference: what every Windows bugcheck code's parameters mean, and the code that reads
// bugchecks out of debugger output. Plain functions over text and data: no DOM, no Node built-ins,
// so browsers, Node and WinDbg's script host run the same code.
export { splitLines, proseSpans, type ProseSpan } from './text.ts'
export { normaliseHex, hexDigits, parseU64, toHex, toDecimal, signedDecimal, type U64 } from './hex.ts'
export {
  findBugcheck,
  findBugchecks,
  findParameterMarks,
  groupFindings,
  type BugcheckFinding,
  type ParameterMark,
  type ParameterFormat,
} from './find.ts'
export {
  decodeValue,
  describeParameter,
  guessArchitecture,
  matchSubtypes,
  subtypeApplies,
  type Architecture,
  type DecodeOptions,
  type DescribeInput,
  type ParameterReading,
} from './decode.ts'
export {
  compileReference,
  expandParameter,
  expandParameters,
  expandSubtype,
  shortCode,
  EMPTY_DOCS,
  RESERVED_DESCRIPTION,
  type BugcheckParameter,
  type BugcheckReference,
  type BugcheckSubtype,
  type ParameterCondition,
  type ParameterDocs,
  type ParameterIndex,
} from './model.ts'
export { indexReference, mergeDocs, type ReferenceIndex } from './reference.ts'
export { ntstatusName, ntstatusSeverity, isCustomerNtstatus, knownNtstatusValues, statusOf, type NtstatusInfo } from './data/ntstatus.ts'
export { irqlName, irqlNames, type IrqlArch } from './data/irql.ts'
export type { DecodeKind } from './schema.ts'
export { toApiCode, toApiDocument, isApiDocument, type ApiCode, type ApiDocument } from './api.ts'
export {
  triage,
  readParameters,
  knowledgeOf,
  subtypesOf,
  formatDescriptions,
  clueDescriptions,
  triageKinds,
  type TriageResult,
  type TriagedBugcheck,
  type FailureDetails,
  type DifferingValue,
  type NoneClue,
  type CodeKnowledge,
  type ParameterRow,
  type RunbookLink,
} from './triage.ts'
