// Bundles the client, the language server and the command line into dist/ with esbuild, so that
// the packaged extension and the npm package need no node_modules.
// Usage: node client/bundle.mjs [--watch] [--minify]   (--minify: the release build, without source maps)
import * as esbuild from 'esbuild';
import { rmSync, mkdirSync, copyFileSync } from 'fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !minify,
  minify,
  logLevel: 'info',
  // jsonc-parser's main entry is UMD, whose inner requires a bundle cannot follow: use its ES modules.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: ['pg-native'] },
  { ...common, entryPoints: ['server/src/corpusWorker.ts'], outfile: 'dist/corpusWorker.js' },
  { ...common, entryPoints: ['server/src/services/documentWorker.ts'], outfile: 'dist/documentWorker.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', external: ['pg-native'] },
];
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
// pdf.js is loaded at run time as ES modules beside the bundled server (dist/pdfjs/)
mkdirSync('dist/pdfjs', { recursive: true });
for (const f of ['pdf.mjs', 'pdf.worker.mjs']) copyFileSync(`node_modules/pdfjs-dist/legacy/build/${f}`, `dist/pdfjs/${f}`);
