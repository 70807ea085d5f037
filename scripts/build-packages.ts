export { referenceDocument }

// npm run build:packages: bugcheck-reference and remark-windbg as packages anyone can install.
// Each is compiled from its TypeScript source into ESM JavaScript with .d.ts files in its own
// dist/ folder, with a package.json written for publishing (exports to the JavaScript, types
// first), then packed into dist-packages/*.tgz. The repository keeps using the source.
//
//   node scripts/build-packages.ts [--no-pack]
//   node scripts/build-packages.ts --data-only   (the package's data file alone, for the type check)
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { referenceDocument } from '../src/lib/reference-document.ts'
import { ROOT } from './lib/paths.ts'

const require = createRequire(import.meta.url)
const REFERENCE = join(ROOT, 'packages/bugcheck')
const PLUGIN = join(ROOT, 'plugins/remark-windbg')
export const PACKAGES_OUT = join(ROOT, 'dist-packages')
const REPOSITORY = { type: 'git', url: 'git+https://github.com/bugcheck-runbooks/bugcheck-runbooks.git' }

function run(command: string, args: string[], cwd = ROOT): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`)
  return result.stdout
}

function tsc(project: string): void {
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project])
}

function json(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

const COMMON = {
  version: '0.1.0',
  type: 'module',
  repository: REPOSITORY,
  engines: { node: '>=20' },
  sideEffects: false,
}

function entry(types: string, js: string) {
  return { types, default: js }
}

/** packages/bugcheck/data/reference.json, which `bugcheck-reference/data` imports. */
export function writeReferenceData(): string {
  const data = join(REFERENCE, 'data')
  mkdirSync(data, { recursive: true })
  json(join(data, 'reference.json'), referenceDocument())
  return data
}

function buildReference(): string {
  const data = writeReferenceData()
  const out = join(REFERENCE, 'dist')
  rmSync(out, { recursive: true, force: true })
  tsc(join(REFERENCE, 'tsconfig.build.json'))
  cpSync(data, join(out, 'data'), { recursive: true })
  chmodSync(join(out, 'lib/cli/bin.js'), 0o755)
  cpSync(join(REFERENCE, 'README.md'), join(out, 'README.md'))
  cpSync(join(ROOT, 'LICENSE'), join(out, 'LICENSE'))
  const source = JSON.parse(readFileSync(join(REFERENCE, 'package.json'), 'utf8')) as { description: string; keywords: string[]; dependencies: Record<string, string> }
  json(join(out, 'package.json'), {
    name: 'bugcheck-reference',
    ...COMMON,
    description: source.description,
    keywords: source.keywords,
    license: 'MIT AND CC-BY-4.0',
    exports: {
      '.': entry('./lib/index.d.ts', './lib/index.js'),
      './data': entry('./lib/data.d.ts', './lib/data.js'),
      './triage': entry('./lib/triage.d.ts', './lib/triage.js'),
      './api': entry('./lib/api.d.ts', './lib/api.js'),
      './schema': entry('./lib/schemas.d.ts', './lib/schemas.js'),
      './data/reference.json': './data/reference.json',
      './package.json': './package.json',
    },
    bin: { bugcheck: './lib/cli/bin.js' },
    files: ['lib', 'data', 'README.md', 'LICENSE'],
    dependencies: source.dependencies,
  })
  return out
}

function buildPlugin(): string {
  const out = join(PLUGIN, 'dist')
  rmSync(out, { recursive: true, force: true })
  tsc(join(PLUGIN, 'tsconfig.build.json'))
  cpSync(join(PLUGIN, 'assets'), join(out, 'assets'), { recursive: true })
  cpSync(join(PLUGIN, 'README.md'), join(out, 'README.md'))
  cpSync(join(ROOT, 'LICENSE'), join(out, 'LICENSE'))
  const source = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')) as { description: string; keywords: string[]; dependencies: Record<string, string> }
  const { 'bugcheck-reference': _workspace, ...dependencies } = source.dependencies
  json(join(out, 'package.json'), {
    name: 'remark-windbg',
    ...COMMON,
    description: source.description,
    keywords: source.keywords,
    license: 'MIT',
    exports: {
      '.': entry('./index.d.ts', './index.js'),
      './parser': entry('./parser.d.ts', './parser.js'),
      './shiki': entry('./shiki.d.ts', './shiki.js'),
      './assets/transcript.css': './assets/transcript.css',
      './assets/transcript.js': './assets/transcript.js',
      './package.json': './package.json',
    },
    files: ['index.js', 'index.d.ts', 'parser.js', 'parser.d.ts', 'shiki.js', 'shiki.d.ts', 'src', 'assets', 'README.md', 'LICENSE'],
    dependencies: { 'bugcheck-reference': `^${COMMON.version}`, ...dependencies },
    // Types only: a remark pipeline has them already; the plugin needs none of them to run.
    peerDependencies: { unified: '^11.0.0', vfile: '^6.0.0', '@types/mdast': '^4.0.0', '@types/hast': '^3.0.0' },
    peerDependenciesMeta: { unified: { optional: true }, vfile: { optional: true }, '@types/mdast': { optional: true }, '@types/hast': { optional: true } },
  })
  return out
}

/** Packs a built package into dist-packages/; returns the tarball's path. */
export function pack(dir: string): string {
  mkdirSync(PACKAGES_OUT, { recursive: true })
  const output = run('npm', ['pack', '--json', '--pack-destination', PACKAGES_OUT], dir)
  const [packed] = JSON.parse(output) as { filename: string }[]
  return join(PACKAGES_OUT, (packed as { filename: string }).filename)
}

export function buildPackages(options: { pack: boolean } = { pack: true }): { reference: string; plugin: string; tarballs: string[] } {
  const reference = buildReference()
  const plugin = buildPlugin()
  const tarballs = options.pack ? [pack(reference), pack(plugin)] : []
  return { reference, plugin, tarballs }
}

if (import.meta.main && process.argv.includes('--data-only')) {
  console.log(writeReferenceData())
} else if (import.meta.main) {
  const built = buildPackages({ pack: !process.argv.includes('--no-pack') })
  for (const tarball of built.tarballs) console.log(tarball)
}
