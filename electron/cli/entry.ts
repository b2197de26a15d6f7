// The bundled `justera` command's entry (scripts/build-cli.mjs → dist-cli/justera.js).
import { run } from './process';

await run(process.argv.slice(2));
