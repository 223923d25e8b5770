import { setFlagsFromString } from 'node:v8';

/**
 * V8 compiles WebAssembly quickly first (Liftoff) and then, on background threads, again with its optimising compiler
 * (TurboFan) for the functions that run often. PGlite is one 9 MB module that a check runs for a few seconds: the
 * optimising compiles cost more CPU than they save, and memory. Measured on drift-check with 186 migrations on a
 * 2-core machine: about half the wall time and 90 MiB less peak memory with Liftoff alone (README, "where the time
 * goes"). The flag is process-wide and holds for modules compiled after this call, so compiledPGlite (pglite.ts) sets it before its first compile.
 */
export function preferBaselineWasm(): void {
  setFlagsFromString('--liftoff-only');
}
