// The reference document the build bundles into the WinDbg script (see scripts/lib/windbg-script.ts).
declare module 'runbook:reference' {
  const document: unknown
  export default document
}
