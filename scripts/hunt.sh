#!/usr/bin/env bash
# Hunts for counterexamples: runs the property tests again and again with new random seeds (also
# under CI=true, where `npm test` runs them from one fixed seed — test/helpers/fast-check-setup.ts).
#   npm run test:hunt                 every file with a property, 20 rounds
#   npm run test:hunt -- 200 test/unit/editor-paste.test.ts
# It stops at the first failure; fast-check prints the seed and path, which FC_SEED=… FC_PATH=…
# replays. Keep the counterexample as an `examples` entry of the property once it is understood.
set -uo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-20}"
shift || true
if [ "$#" -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(grep -rlE 'fc\.(assert|check)\(' test --include='*.test.ts' | sort)
fi
echo "hunt: ${#files[@]} file(s), ${rounds} round(s)"
for ((round = 1; round <= rounds; round++)); do
  if ! FC_HUNT=1 npx vitest run --reporter=dot "${files[@]}"; then
    echo "hunt: counterexample in round ${round} (seed and path above)"
    exit 1
  fi
  echo "hunt: round ${round} green"
done
