import path from 'node:path';
import type { Command } from 'commander';
import { Output, wantsColor } from '../output/console.js';

/** What every command needs from the shell around it; tests can build one without a terminal. */
export interface CommandContext {
  output(command: Command): Output;
  cwd(command: Command): string;
  /** True when prompts may wait for an answer: stdin is a terminal and CI is not set. */
  interactive(): boolean;
  /** Records the exit code a command ended with (findings, conflicts); the highest one wins. */
  setExitCode(code: number): void;
  exitCode(): number;
}

interface GlobalFlags {
  cwd?: string;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export function createCommandContext(): CommandContext {
  let exitCode = 0;
  return {
    setExitCode(code) {
      exitCode = Math.max(exitCode, code);
    },
    exitCode() {
      return exitCode;
    },
    output(command) {
      const flags = command.optsWithGlobals<GlobalFlags>();
      return new Output({ color: wantsColor(flags.color, process.stdout), quiet: Boolean(flags.quiet), verbose: Boolean(flags.verbose) });
    },
    cwd(command) {
      const flags = command.optsWithGlobals<GlobalFlags>();
      return path.resolve(flags.cwd ?? process.cwd());
    },
    interactive() {
      return Boolean(process.stdin.isTTY) && !process.env.CI;
    },
  };
}
