// Running the CLI as a process: the exit code, and a reader that went away. When stdout or
// stderr is a pipe whose reader has closed (`justera list --json | head -c1`), writing fails with
// EPIPE; that ends the command quietly (exit status 0, as with other Unix tools when their reader
// has stopped), not with an unhandled 'error' event and a stack trace.
import { main } from './main';

function quietOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function run(argv: readonly string[]): Promise<void> {
  quietOnEpipe(process.stdout);
  quietOnEpipe(process.stderr);
  process.exitCode = await main(argv);
}
