// Every property test prints its seed and path on failure (fast-check does so in the error it
// throws); FC_SEED=<n> [FC_PATH=<p>] replays a reported failure in every property of the run.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const path = process.env.FC_PATH;
fc.configureGlobal({
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  ...(path !== undefined && path !== '' ? { path } : {}),
  verbose: 1,
});
