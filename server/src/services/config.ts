/**
 * The `resolution` settings of the language server, held by the server context (`ctx.config`):
 * read per resource with workspace/configuration (or from didChangeConfiguration when the client
 * cannot be asked), cached until they change, and the listeners told when they do.
 */
import type { Connection, DidChangeConfigurationParams, InitializeParams } from 'vscode-languageserver/node';

/** The `resolution` settings section as the client sends it: checked where each part is read. */
export type SettingsSection = Record<string, unknown>;

export class ConfigService {
  private readonly cache = new Map<string, Promise<SettingsSection>>();
  private readonly listeners: Array<() => void> = [];
  private global: SettingsSection = {};
  /** Whether the client answers workspace/configuration. */
  canAsk = false;

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
  ) {}

  initialize(params: InitializeParams): void {
    this.canAsk = !!params.capabilities.workspace?.configuration;
  }

  /** The `resolution` settings section for a resource, cached until changed. */
  settings(uri: string): Promise<SettingsSection> {
    if (!this.canAsk) return Promise.resolve(this.global);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'resolution' }).then(
        (v: unknown) => (v && typeof v === 'object' ? (v as SettingsSection) : {}),
        () => ({}),
      );
      this.cache.set(uri, s);
    }
    return s;
  }

  onChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** workspace/didChangeConfiguration: forgets the cached settings and tells the listeners. */
  changed(change: DidChangeConfigurationParams): void {
    this.cache.clear();
    if (!this.canAsk) {
      const section = (change.settings as { resolution?: unknown } | null | undefined)?.resolution;
      this.global = section && typeof section === 'object' ? (section as SettingsSection) : {};
    }
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.log(`settings listener failed: ${String(err)}`);
      }
    }
  }

  /** A closed document's settings are read again when it opens. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
