// The WinDbg grammar through Shiki's own TextMate engine, for those who want Shiki's tokenizer:
// the default highlighter gives the same tokens without it. Pass the result as `highlighter`.
export { createShikiWindbgHighlighter } from './src/render/shiki-highlighter.ts'
