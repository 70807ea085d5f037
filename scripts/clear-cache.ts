// Astro caches rendered Markdown by the content's digest, not by the plugin's code: after a
// change to remark-windbg, a build must start without that cache to show the change.
import { rmSync } from 'node:fs'

rmSync('node_modules/.astro', { recursive: true, force: true })
