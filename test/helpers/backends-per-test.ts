// Kept apart from backend.ts, which the Playwright tests import too: this one registers a vitest hook.
import { afterEach } from 'vitest';
import { testBackend, type TestBackend } from './backend';

/**
 * Back ends made in a test and disposed after it: `const backend = backendsPerTest(now)` at the top
 * of a test file, then `backend()` (or `backend(otherNow)`) in a test as often as it needs one.
 */
export function backendsPerTest(now: Date): (at?: Date) => TestBackend {
  let made: TestBackend[] = [];
  afterEach(() => {
    for (const t of made) t.dispose();
    made = [];
  });
  return (at = now) => {
    const t = testBackend({ now: at });
    made.push(t);
    return t;
  };
}
