// Finds Chromium for the browser tests, installing Debian's package where this user can, and
// otherwise says exactly what to install. Prints the path it found.
import { spawnSync } from 'node:child_process'
import { chromium, type Browser } from 'playwright-core'
import { existsSync } from 'node:fs'

/**
 * How tests and benchmarks start Chromium here: headless as root, and with the background
 * networking off, which this machine's closed network would otherwise refuse many times a second.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  return CANDIDATES.find((path) => existsSync(path))
}

/** Starts the Chromium found here with {@link CHROMIUM_FLAGS}, or says what to install. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found: run `node scripts/ensure-chromium.ts` for what to install.')
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS })
}

function canInstall(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0
}

function install(): void {
  console.log('Chromium not found: installing Debian’s chromium package (apt-get install -y chromium)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'chromium']]) {
    const run = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (run.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed:\n${(run.stdout + run.stderr).split('\n').slice(-20).join('\n')}`)
      return
    }
  }
}

if (import.meta.main) {
  let path = findChromium()
  if (!path && canInstall()) {
    install()
    path = findChromium()
  }
  if (!path) {
    console.error(
      [
        'The browser tests need Chromium, and none was found.',
        'Install it, then run the tests again:',
        '  Debian/Ubuntu:  sudo apt-get install -y chromium',
        '  Fedora:         sudo dnf install -y chromium',
        '  macOS:          brew install --cask chromium',
        'or point CHROMIUM_PATH at an installed Chromium or Chrome binary.',
      ].join('\n'),
    )
    process.exit(1)
  }
  console.log(`Chromium: ${path}`)
}
