/** The `resolution` command line: checks and precedent search outside the editor (CI, scripts). */
import { CliIO, processIO, UsageError } from './io';
import * as check from './check';
import * as importCmd from './import';
import * as parseCmd from './parse';
import * as precedent from './precedent';
import * as corpus from './corpus';
import * as status from './status';
import * as clean from './clean';
import * as compare from './compare';
import { packageVersion } from '../core/packageRoot';
import { baseCommand, exportCommand, redlineCommand } from './office';
import * as corpusPush from './corpusPush';

type Command = { run(args: string[], io: CliIO): number | Promise<number>; HELP?: string };

/** Subcommands, one module each. */
const commands: Record<string, Command> = {
  check,
  parse: parseCmd,
  precedent,
  corpus,
  status,
  clean,
  compare,
  import: importCmd,
  export: exportCommand,
  base: baseCommand,
  redline: redlineCommand,
};

export const USAGE = `Usage: resolution <command> [options]

Commands:
  check [--format text|json|sarif] [--fix] [--max-warnings N] [--corpus DIR]… [--locale en|fr|es] PATH…
                                       run the structure checks on files, folders or globs
  parse --format json FILE             print the document model of a draft
  precedent …                          find precedent wording (see resolution precedent --help)
  corpus add|remove|list|stats …       the corpus sources of .resolutionrc.json (see resolution corpus --help)
  corpus push --db postgres://… SOURCE…  load corpus sources into a shared PostgreSQL corpus
  status [--format text|json] FILE     negotiation status: paragraphs agreed, bracketed, pending, deleted
  clean [-o OUT] FILE                  the text as it would be issued (brackets, tags, notes out; final numbers)
  compare [--format text|json] OLD NEW what changed between two revisions: paragraphs aligned, words diffed
  import FILE [-o OUT] [--format text|json]
                                       turn a Word (.docx) file, a PDF or text from a PDF into a draft
                                       (see resolution import --help)
  export FILE -o OUT.docx              write the draft as a Word file in the UN's layout
  base FILE [--corpus DIR]… [--format json]
                                       name the adopted resolution the draft is built on
  redline FILE [--base FILE|SYMBOL] [--corpus DIR]… -o OUT.docx
                                       Word file with tracked changes from the base to the draft

Each command has its own help: resolution <command> --help.
Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 bad usage or unreadable path.`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(packageVersion());
    return 0;
  }
  if (name === 'corpus' && args[0] === 'push') return runCommand('corpus push', corpusPush, args.slice(1), io);
  const cmd = commands[name];
  if (cmd && !['corpus', 'import', 'export', 'base', 'redline'].includes(name) && (args.includes('--help') || args.includes('-h'))) {
    io.out(cmd.HELP ?? USAGE);
    return 0;
  }
  if (!cmd) {
    io.err(`resolution: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return runCommand(name, cmd, args, io);
}

async function runCommand(name: string, cmd: Command, args: string[], io: CliIO): Promise<number> {
  try {
    return await cmd.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`resolution ${name}: ${err.message}\n\n${cmd.HELP ?? USAGE}`);
      return 2;
    }
    io.err(`resolution ${name}: ${(err as Error)?.stack ?? String(err)}`);
    return 2;
  }
}

/**
 * A reader that stops early (`resolution parse … | head`) closes the pipe: stop quietly instead
 * of crashing with EPIPE.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

if (require.main === module) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
