// Property tests run a fixed number of cases; how long that takes depends on the machine's load,
// not on the code (a CI run at load 35 took 36 s for 120 package cases that take 4 s on an idle
// machine). Their timeout only guards against a hang, so it is generous; speed is measured in
// `npm run bench`, never asserted by a test.
export const FUZZ_TIMEOUT_MS = 300_000;
