// Bundles the client and the language server into dist/ with esbuild, so that the packaged
// extension needs no node_modules. Usage: node client/bundle.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { rmSync, mkdirSync, copyFileSync } from 'fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  minify,
  logLevel: 'info',
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
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
