/**
 * The custom protocol is written once: every `resolution/…` method is declared in
 * server/src/protocol.ts exactly once, with its types, and the client and the server use those
 * declarations, never a method name of their own. The protocol tests may name methods as they go
 * over the wire, but only methods the protocol declares.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NotificationType, NotificationType0, RequestType, RequestType0, type MessageSignature } from 'vscode-languageserver-protocol';
import * as protocol from '../../server/src/protocol';
import { ROOT } from '../support/paths';

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'fixtures') out.push(...tsFiles(full));
    } else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** A method name written as a string in a source file. */
const METHOD_LITERAL = /['"`](resolution\/[A-Za-z]+)['"`]/g;

/** A source file without its comments (which name methods in prose). */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');

const isNotification = (v: unknown) => v instanceof NotificationType || v instanceof NotificationType0;
const declared: Array<[string, MessageSignature]> = Object.entries(protocol as Record<string, unknown>).filter(
  (e): e is [string, MessageSignature] => e[1] instanceof RequestType || e[1] instanceof RequestType0 || isNotification(e[1]),
);

describe('custom protocol', () => {
  it('declares each method once, each under the resolution/ prefix', () => {
    const methods = declared.map(([, t]) => t.method);
    assert.ok(methods.length >= 21, `only ${methods.length} methods declared`);
    const twice = methods.filter((m, i) => methods.indexOf(m) !== i);
    assert.deepStrictEqual(twice, []);
    for (const m of methods) assert.match(m, /^resolution\/[a-z][A-Za-z]+$/);
  });

  it('names requests …Request and notifications …Notification', () => {
    for (const [name, t] of declared) {
      assert.match(name, isNotification(t) ? /Notification$/ : /Request$/, `${name} (${t.method})`);
    }
  });

  it('the client and the server name no method outside protocol.ts', () => {
    const offenders: string[] = [];
    const protocolFile = path.join(ROOT, 'server', 'src', 'protocol.ts');
    for (const f of [...tsFiles(path.join(ROOT, 'client', 'src')), ...tsFiles(path.join(ROOT, 'server', 'src'))]) {
      if (f === protocolFile) continue;
      for (const m of code(f).matchAll(METHOD_LITERAL)) offenders.push(`${path.relative(ROOT, f)}: ${m[1]}`);
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('every method a test sends or listens for is declared', () => {
    const methods = new Set(declared.map(([, t]) => t.method));
    const unknown: string[] = [];
    for (const f of tsFiles(path.join(ROOT, 'test'))) {
      for (const m of code(f).matchAll(METHOD_LITERAL)) if (!methods.has(m[1])) unknown.push(`${path.relative(ROOT, f)}: ${m[1]}`);
    }
    assert.deepStrictEqual(unknown, []);
  });

  it('the server handles every request and notification the client sends', () => {
    // Directions: the server sends these two; the client sends everything else.
    const toClient = new Set([protocol.CorpusChangedNotification.method, protocol.CheckWorkspaceProgressNotification.method]);
    const server = tsFiles(path.join(ROOT, 'server', 'src'))
      .map(code)
      .join('\n');
    const client = tsFiles(path.join(ROOT, 'client', 'src'))
      .map(code)
      .join('\n');
    for (const [name, t] of declared) {
      const handled = new RegExp(`\\.on(Request|Notification)\\(\\s*${name}\\b`);
      const sent = new RegExp(`\\.send(Request|Notification)\\(\\s*${name}\\b`);
      if (toClient.has(t.method)) {
        assert.match(server, sent, `the server sends ${name}`);
        assert.match(client, handled, `the client listens for ${name}`);
      } else {
        assert.match(server, handled, `the server handles ${name}`);
        assert.match(client, sent, `the client sends ${name}`);
      }
    }
  });
});
