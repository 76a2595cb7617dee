#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find. `npm test` runs this.
set -euo pipefail
mkdir -p "$(dirname "$0")/output"
cd "$(dirname "$0")/.."
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium not found at $CHROMIUM: the browser tests need it. Install it with: apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi
step() { printf '\n=== %s ===\n' "$1"; }

step 'typecheck';            npm run -s typecheck
step 'lint';                 npm run -s lint
step 'unit + contract';      npx jest -c config/jest.config.js --selectProjects unit contract --ci --coverage
step 'build H5';             npm run -s build:h5 > test/output/build-h5.log 2>&1 || { tail -50 test/output/build-h5.log; exit 1; }
step 'build weapp';          npm run -s build:weapp > test/output/build-weapp.log 2>&1 || { tail -50 test/output/build-weapp.log; exit 1; }
step 'weapp output check';   npm run -s check:weapp
step 'weapp runtime (vm)';   npx jest -c config/jest.config.js --selectProjects weapp --ci
rm -rf test/output/screenshots
step 'end-to-end (Chromium)'; npx jest -c config/jest.config.js --selectProjects e2e --runInBand --ci
# the weapp main package is held to a ceiling just above today's size (342.3 KB; issue 14's target is 360 KB)
step 'size budgets';         WEAPP_MAIN_CEILING_KB=345 npm run -s bench:size
printf '\nall test steps passed\n'
