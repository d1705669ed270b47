/** A parsed command line: the command, its positional arguments and its `--flag[=value]` options. */
export interface CommandLine {
  command: string;
  positional: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** Splits `restserver <command> [arguments] [--flag] [--flag value|--flag=value]`. */
export function parseCommandLine(argv: string[], flagsWithValues: Set<string>): CommandLine {
  const [command = 'serve', ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string | true>();

  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index];
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const [name, inlineValue] = argument.slice(2).split(/=(.*)/s, 2);
    if (!flagsWithValues.has(name)) {
      flags.set(name, true);
    } else if (inlineValue !== undefined) {
      flags.set(name, inlineValue);
    } else if (index + 1 < rest.length) {
      flags.set(name, rest[++index]);
    } else {
      throw new UsageError(`--${name} needs a value`);
    }
  }
  return { command, positional, flags };
}

export const USAGE = `Usage: restserver [command] [options]

Commands:
  serve                      run the REST server (the default)
  migrate [--dry-run]        recognise the database, adopt an original marketplace database,
                             apply pending migrations; --dry-run prints the plan only
  export [--out FILE]        write every item, tag, category, link, blob record and star as
                             JSON Lines to FILE (default: standard output)
  import FILE                load an export into a database with no rows
  import-protocols FOLDER --author NAME [--public | --private | --groups a,b] [--source pai]
                             create a job template from each .yaml/.yml file in FOLDER
  seed-examples              store the official example templates (skips those already there)
  help                       print this text

Every command reads the same environment variables as the server.`;
