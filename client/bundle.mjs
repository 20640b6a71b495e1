// Bundles the client and the language server into dist/ with esbuild, so that the packaged
// extension needs no node_modules. Usage: node client/bundle.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { rmSync, mkdirSync } from 'fs';

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
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: ['pg-native'] },
];
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
