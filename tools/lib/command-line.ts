// What the workbook commands (npm run inspect, npm run sync) share: output through an injectable pair of writers
// (tests capture it), `FILE ... --flag --name VALUE` parsing, and the run-as-a-script wrapper.

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export interface OptionNames<A> {
  /** Option → the boolean field it sets. */
  switches: Record<string, keyof A>;
  /** Option → the string field its value goes to. */
  valued: Record<string, keyof A>;
  /** Trim values and refuse blank ones (sync, where a value names a server or a secret). */
  trimValues?: boolean;
}

/** Fills `args` (holding the defaults) from argv; any other word is a file. Returns the error sentence instead. */
export function parseCommandLine<A extends { files: string[] }>(argv: readonly string[], args: A, names: OptionNames<A>): A | string {
  const fields = args as unknown as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (Object.prototype.hasOwnProperty.call(names.switches, arg)) fields[names.switches[arg] as string] = true;
    else if (arg in names.valued) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--') || (names.trimValues && v.trim() === '')) return `${arg} needs a value`;
      fields[names.valued[arg] as string] = names.trimValues ? v.trim() : v;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else args.files.push(arg);
  }
  if (args.files.length === 0) return 'no files given';
  return args;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `if (require.main === module) runAsScript('inspect', main)`: the exit code main returns; a crash prints its stack. */
export function runAsScript(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${name}: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
