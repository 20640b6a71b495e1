/**
 * Malformed requests get a clear answer: a connection wrapper that checks the parameters of the
 * requests the features answer (a text document, a position, a range) before their handlers run,
 * and answers `InvalidParams` naming what is missing instead of an internal error with a stack.
 * A `didOpen` without text (or a `didChange` without changes) is ignored with a log line.
 */
import { Connection, ErrorCodes, ResponseError } from 'vscode-languageserver/node';

type Check = (params: any) => string | undefined;

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null;
const isPosition = (p: unknown) =>
  isObject(p) && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
const isRange = (r: unknown) => isObject(r) && isPosition(r.start) && isPosition(r.end);

const textDocument: Check = (p) => {
  if (!isObject(p)) return 'the parameters are missing';
  if (!isObject(p.textDocument) || typeof p.textDocument.uri !== 'string') return 'textDocument.uri is missing';
  return undefined;
};
const atPosition: Check = (p) =>
  textDocument(p) ?? (isPosition(p.position) ? undefined : 'position {line, character} is missing or not a pair of whole numbers');
const codeAction: Check = (p) =>
  textDocument(p) ??
  (!isRange(p.range)
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

function guardHandler(name: string, check: Check | undefined, handler: (...args: any[]) => any, log: (m: string) => void) {
  return async (...args: any[]) => {
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
      if (prop in CHECKS) return (handler: (...a: any[]) => any) => value.call(target, guardHandler(prop, CHECKS[prop], handler, log));
      if (prop === 'onRequest') {
        return (type: unknown, handler?: (...a: any[]) => any) =>
          typeof handler === 'function'
            ? value.call(target, type, guardHandler(`request ${String((type as any)?.method ?? type)}`, undefined, handler, log))
            : value.call(target, type, handler);
      }
      if (prop === 'onDidOpenTextDocument') {
        return (handler: (p: any) => void) =>
          value.call(target, (p: any) => {
            if (
              !isObject(p) ||
              !isObject(p.textDocument) ||
              typeof p.textDocument.uri !== 'string' ||
              typeof p.textDocument.text !== 'string'
            ) {
              log(
                `didOpen ignored: ${isObject(p?.textDocument) && typeof p.textDocument.uri === 'string' ? p.textDocument.uri : 'a document'} came without its ${typeof p?.textDocument?.uri === 'string' ? 'text' : 'uri'}`,
              );
              return;
            }
            handler(p);
          });
      }
      if (prop === 'onDidChangeTextDocument') {
        return (handler: (p: any) => void) =>
          value.call(target, (p: any) => {
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
