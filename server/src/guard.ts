/**
 * Malformed requests get a clear answer: a connection wrapper that checks the parameters of the
 * requests the features answer (a text document, a position, a range) before their handlers run,
 * and answers `InvalidParams` naming what is missing instead of an internal error with a stack.
 * A `didOpen` without text (or a `didChange` without changes) is ignored with a log line.
 */
import { Connection, ErrorCodes, ResponseError } from 'vscode-languageserver/node';

type Check = (params: unknown) => string | undefined;
type Handler = (...args: unknown[]) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isWhole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isPosition = (p: unknown) => isObject(p) && isWhole(p.line) && isWhole(p.character);
const isRange = (r: unknown) => isObject(r) && isPosition(r.start) && isPosition(r.end);

const textDocument: Check = (p) => {
  if (!isObject(p)) return 'the parameters are missing';
  if (!isObject(p.textDocument) || typeof p.textDocument.uri !== 'string') return 'textDocument.uri is missing';
  return undefined;
};
const atPosition: Check = (p) =>
  textDocument(p) ??
  (isObject(p) && isPosition(p.position) ? undefined : 'position {line, character} is missing or not a pair of whole numbers');
const codeAction: Check = (p) =>
  textDocument(p) ??
  (!isObject(p) || !isRange(p.range)
    ? 'range {start, end} is missing or malformed'
    : !isObject(p.context) || !Array.isArray(p.context.diagnostics)
      ? 'context.diagnostics is missing'
      : undefined);
const command: Check = (p) =>
  !isObject(p) ? 'the parameters are missing' : typeof p.command !== 'string' ? 'command is missing' : undefined;

/** Which check each handler registration gets. */
const CHECKS: Record<string, Check> = {
  onHover: atPosition,
  onCompletion: atPosition,
  onCodeAction: codeAction,
  onDocumentLinks: textDocument,
  onDocumentSymbol: textDocument,
  onFoldingRanges: textDocument,
  onExecuteCommand: command,
};

function guardHandler(name: string, check: Check | undefined, handler: Handler, log: (m: string) => void) {
  return async (...args: unknown[]) => {
    const problem = check?.(args[0]);
    if (problem) {
      log(`${name}: invalid request (${problem}); answered InvalidParams`);
      throw new ResponseError(ErrorCodes.InvalidParams, `Invalid parameters: ${problem}.`);
    }
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      // A handler that trips over odd parameters (a custom request) says so without a stack.
      if (err instanceof TypeError) {
        log(`${name}: ${err.stack ?? err.message}`);
        throw new ResponseError(ErrorCodes.InvalidParams, `Invalid parameters: ${err.message}`);
      }
      throw err;
    }
  };
}

/** The connection the features register on: the same connection, with guarded handlers. */
export function guardConnection(connection: Connection, log: (m: string) => void): Connection {
  return new Proxy(connection, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      if (prop in CHECKS) return (handler: Handler) => value.call(target, guardHandler(prop, CHECKS[prop], handler, log));
      if (prop === 'onRequest') {
        return (type: unknown, handler?: Handler) =>
          typeof handler === 'function'
            ? value.call(
                target,
                type,
                guardHandler(`request ${String((type as { method?: string } | undefined)?.method ?? type)}`, undefined, handler, log),
              )
            : value.call(target, type, handler);
      }
      if (prop === 'onDidOpenTextDocument') {
        return (handler: (p: unknown) => void) =>
          value.call(target, (p: unknown) => {
            const doc = isObject(p) && isObject(p.textDocument) ? p.textDocument : undefined;
            if (!doc || typeof doc.uri !== 'string' || typeof doc.text !== 'string') {
              const uri = typeof doc?.uri === 'string' ? doc.uri : undefined;
              log(`didOpen ignored: ${uri ?? 'a document'} came without its ${uri ? 'text' : 'uri'}`);
              return;
            }
            handler(p);
          });
      }
      if (prop === 'onDidChangeTextDocument') {
        return (handler: (p: unknown) => void) =>
          value.call(target, (p: unknown) => {
            if (!isObject(p) || !isObject(p.textDocument) || typeof p.textDocument.uri !== 'string' || !Array.isArray(p.contentChanges)) {
              log('didChange ignored: no textDocument.uri or no contentChanges');
              return;
            }
            handler(p);
          });
      }
      return value.bind(target);
    },
  });
}
