/** Runs the shared scenarios with a driver and prints the results and timings. */
import { Context, Driver, Scenario, scenarios as all } from './scenarios';

export interface RunOptions {
  /** Called when a scenario fails, to save screenshots and logs under a folder named for it. */
  onFailure?(scenario: Scenario, error: unknown): Promise<void>;
  /** Only scenarios whose name contains this text (E2E_ONLY). */
  only?: string;
  startedAt: number;
  /** The name of the cold-start figure (what `startedAt` marks). */
  coldStartLabel?: string;
  log?(message: string): void;
}

export interface RunResult {
  passed: number;
  failed: number;
  skipped: number;
  timings: Array<{ name: string; ms: number }>;
  failures: Array<{ name: string; message: string }>;
  /** Scenarios that passed only when tried again. */
  retried: string[];
}

export async function waitFor<T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  let delay = 50;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const seen = lastError ? `error: ${(lastError as Error).message ?? lastError}` : `last seen: ${JSON.stringify(last)?.slice(0, 400)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${seen})`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 100);
  }
}

export async function runScenarios(driver: Driver, opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const result: RunResult = { passed: 0, failed: 0, skipped: 0, timings: [], failures: [], retried: [] };
  // `only`: parts of scenario names, comma-separated (E2E_ONLY=status-bar,negotiation).
  const parts = opts.only?.split(',').filter(Boolean) ?? [];
  const list = all.filter((s) => parts.length === 0 || parts.some((p) => s.name.includes(p)));
  let first = true;
  for (const scenario of list) {
    const missing = (scenario.needs ?? []).filter((n) => typeof (driver as unknown as Record<string, unknown>)[n] !== 'function');
    if (missing.length) {
      result.skipped++;
      log(`  - ${scenario.name} (skipped: the ${driver.name} driver cannot ${missing.join(', ')})`);
      continue;
    }
    const ctx: Context = {
      driver,
      waitFor,
      timing: (name, ms) => result.timings.push({ name, ms }),
      log,
    };
    const coldStart = first;
    first = false;
    if (coldStart) {
      // The first scenario's first squiggle is also the cold start figure (from the editor page load).
      const timing = ctx.timing;
      ctx.timing = (name, ms) => {
        timing(name, ms);
        if (/first squiggle/.test(name))
          timing(opts.coldStartLabel ?? 'cold start (page load → first squiggle)', Date.now() - opts.startedAt);
      };
    }
    // A scenario that fails is tried once more from a clean editor (E2E_RETRIES): the browser-driven
    // UI has timing of its own; a scenario that passes only on the second try is listed as such.
    const tries = 1 + Math.max(0, Number(process.env.E2E_RETRIES ?? 1) || 0);
    for (let attempt = 1; attempt <= tries; attempt++) {
      const t0 = Date.now();
      try {
        await scenario.run(ctx);
        result.passed++;
        if (attempt > 1) result.retried.push(scenario.name);
        log(`  ✓ ${scenario.name} (${Date.now() - t0} ms${attempt > 1 ? `, passed on try ${attempt}` : ''})`);
        break;
      } catch (e) {
        const message = (e as Error)?.message ?? String(e);
        const last = attempt === tries;
        if (last) {
          result.failed++;
          result.failures.push({ name: scenario.name, message });
        }
        log(`  ${last ? '✗' : '↻'} ${scenario.name} (${Date.now() - t0} ms)${last ? '' : ' failed; trying again'}\n      ${message}`);
        try {
          await opts.onFailure?.(scenario, e);
        } catch (err) {
          log(`      (could not save failure artefacts: ${(err as Error).message})`);
        }
        try {
          await driver.closeAll();
        } catch {
          /* keep going */
        }
      }
    }
  }
  return result;
}

export function printSummary(driverName: string, r: RunResult, log: (m: string) => void = console.log): void {
  log('');
  log(`Timings (${driverName}):`);
  for (const t of r.timings) log(`  ${t.name}: ${t.ms} ms`);
  if (r.failures.length) {
    log('Failures:');
    for (const f of r.failures) log(`  ${f.name}: ${f.message}`);
  }
  if (r.retried.length) log(`Passed only when tried again: ${r.retried.join(', ')}`);
  if (r.skipped) log(`${r.skipped} skipped`);
  log(`${r.passed} passed, ${r.failed} failed`);
}
