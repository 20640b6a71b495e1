#!/usr/bin/env node
// The `resolution` command: the bundled command line (dist/cli.js, in an installed package) or,
// in a clone, the built output in out/ (`npm install` builds both).
const path = require('path');
const fs = require('fs');
const root = path.join(__dirname, '..', '..');
const candidates = [path.join(root, 'out', 'server', 'src', 'cli', 'main.js'), path.join(root, 'dist', 'cli.js')];
const cli = candidates.find((p) => fs.existsSync(p));
if (!cli) {
  process.stderr.write(
    'resolution: the command line is not built yet; run `npm install` (or `npm run build`) in the project folder first.\n',
  );
  process.exit(2);
}
const entry = require(cli);
if (entry.quietOnClosedPipe) entry.quietOnClosedPipe();
entry.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
