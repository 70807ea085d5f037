// A static file server over the built site, as a host would serve it: `/dir/` serves
// `dir/index.html`, unknown paths get `404.html` with status 404. No dependencies.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export function serveDirectory(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root)
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    let file = normalize(join(base, path))
    if (!file.startsWith(base)) {
      response.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    const found = existsSync(file) && statSync(file).isFile()
    const served = found ? file : join(base, '404.html')
    response.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[extname(served)] ?? 'application/octet-stream' })
    createReadStream(served).pipe(response)
  })
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo
      done({
        url: `http://127.0.0.1:${bound}`,
        close: () => new Promise((closed) => server.close(() => closed())),
      })
    })
  })
}

if (import.meta.main) {
  const server = await serveDirectory(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 4322))
  console.log(`Serving at ${server.url}`)
}
