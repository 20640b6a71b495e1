#!/usr/bin/env node
// The `resolution` command. Built output lives in out/ (npm install builds it).
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', '..', 'out', 'server', 'src', 'cli', 'main.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('resolution: the command line is not built yet; run `npm install` (or `npm run build`) in the project folder first.\n');
  process.exit(2);
}
const entry = require(cli);
if (entry.quietOnClosedPipe) entry.quietOnClosedPipe();
entry.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
