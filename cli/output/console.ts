import pc from 'picocolors';

export interface OutputOptions {
  color: boolean;
  quiet: boolean;
  verbose: boolean;
}

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Everything faultline prints goes through here: results on stdout, warnings and progress on
 * stderr, colors only when wanted (NO_COLOR, --no-color, or output that is not a terminal).
 */
export class Output {
  readonly colors: Colors;
  constructor(readonly options: OutputOptions) {
    this.colors = pc.createColors(options.color);
  }

  /** A result line: suppressed by --quiet. */
  info(line: string): void {
    if (!this.options.quiet) process.stdout.write(line + '\n');
  }

  /** Output that is the product of the command (a diff, a JSON report): never suppressed. */
  data(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  warn(line: string): void {
    process.stderr.write(this.colors.yellow('warning: ') + line + '\n');
  }

  error(line: string): void {
    process.stderr.write(this.colors.red('error: ') + line + '\n');
  }

  debug(line: string): void {
    if (this.options.verbose) process.stderr.write(this.colors.dim(line) + '\n');
  }
}

export function wantsColor(flag: boolean | undefined, stream: NodeJS.WriteStream): boolean {
  if (flag === false) return false;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
