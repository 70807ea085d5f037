// The public API of remark-windbg. The parser is also exported on its own (`remark-windbg/parser`)
// for code that runs in the browser and needs no renderer.
export { default } from './src/plugin.ts'
export type { Options } from './src/options.ts'
export * from './parser.ts'
export { renderTranscript, type RenderContext } from './src/render/transcript.ts'
export { createDocumentRenderer, type DocumentRenderer, type FenceResult } from './src/document.ts'
export { toHtml, writeHtml } from './src/render/html.ts'
export { createWindbgHighlighter, sharedWindbgHighlighter, plainHighlighter, resolveHighlighter, type WindbgHighlighter, type Token } from './src/render/highlight.ts'
export { windbgLanguage } from './src/grammar/index.ts'
export { lookupCommand, type CommandReference } from './src/data/commands.ts'
