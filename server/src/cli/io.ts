/** Output and errors of the command line, injectable for tests; the argument parsing the commands share. */
import { parseArgs, type ParseArgsConfig } from 'util';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Bad usage: the message goes to stderr and the exit code is 2. */
export class UsageError extends Error {}

/** util.parseArgs, its errors turned into bad usage (their first line). */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
}

/** The arguments of the commands that take only `--format text|json` and files (compare, status). */
export function formatAndFiles(args: string[]): { format: 'text' | 'json'; files: string[] } {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (text or json)`);
  return { format, files };
}
