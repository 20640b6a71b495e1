/** Runs inside desktop VS Code's extension host (loaded by electron.ts through @vscode/test-electron). */
import * as vscode from 'vscode';
import { ElectronDriver } from './electronDriver';
import { printSummary, runScenarios } from './runner';

export async function run(): Promise<void> {
  const startedAt = Date.now();
  const ext = vscode.extensions.getExtension('resolution-drafting.resolution-drafting');
  if (!ext) throw new Error('the Resolution Drafting extension is not installed in this VS Code');
  const result = await runScenarios(new ElectronDriver(), {
    startedAt,
    coldStartLabel: 'suite start → first squiggle',
    only: process.env.E2E_ONLY,
  });
  printSummary('desktop VS Code', result);
  if (result.failed) throw new Error(`${result.failed} scenario(s) failed`);
}
