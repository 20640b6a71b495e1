/** Output and errors of the command line, injectable for tests. */
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
