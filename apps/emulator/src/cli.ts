#!/usr/bin/env -S node --conditions=@genauth-groups/source
/**
 * `genauth-emulator`: starts the emulator from the command line, prints what a client needs, and
 * stops cleanly on SIGINT or SIGTERM (server and database closed, exit code 0).
 *
 * @module
 */
import { formatBanner } from './banner.ts';
import { CliError, parseCliArgs, USAGE } from './cli-args.ts';
import { startEmulator } from './emulator.ts';

async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`genauth-emulator: ${error.message}\nRun with --help for the options.\n`);
    process.exitCode = 2;
    return;
  }
  if (command.help) {
    process.stdout.write(USAGE);
    return;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(command.options);
  } catch (error) {
    // Load-file, seeding and listen errors carry a message meant for the user; no stack needed.
    process.stderr.write(`genauth-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${formatBanner(emulator)}\n`);
  const stop = () => {
    void emulator.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
