#!/usr/bin/env node
// The `bugcheck` executable.
import { run } from './main.ts'

await run()
