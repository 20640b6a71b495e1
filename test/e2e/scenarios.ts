/**
 * The end-to-end scenarios, written once against the Driver interface and run by both runners:
 * the real VS Code in code-server driven through Chromium (codeServer.ts) and desktop VS Code
 * through @vscode/test-electron (electron.ts). Lines and columns are 1-based, as the editor shows them.
 */

import { archive, ARCHIVE_DRAFT, CORPUS_ARCHIVE, DATABASE_DRAFT, DATABASE_SOURCE, IMPORT_DOCX, IMPORT_SOURCE } from './workspace';
import { readDocx } from '../support/docxReader';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface SeenDiagnostic {
  line: number;
  severity: Severity;
  code?: string;
  message: string;
}

export interface Driver {
  readonly name: string;
  /** Opens a workspace file in the editor and waits until it shows. */
  open(file: string): Promise<void>;
  /** Lines of the active editor that carry an error or warning squiggle. */
  squiggleLines(): Promise<number[]>;
  /** The Problems panel's entries for the active file. */
  problems(): Promise<SeenDiagnostic[]>;
  /** The active editor's text. */
  text(): Promise<string>;
  /** Opens the quick-fix menu at a position, picks the action whose title matches; returns all titles offered. */
  quickFix(line: number, column: number, title: RegExp): Promise<string[]>;
  /** Shows the hover at a position and returns its text once `until` holds (or throws on timeout). */
  hover(line: number, column: number, until: (text: string) => boolean): Promise<string>;
  /** Puts the cursor at a position and types text as keystrokes. */
  type(line: number, column: number, text: string): Promise<void>;
  /** Selects `length` characters from a position. */
  select(line: number, column: number, length: number): Promise<void>;
  /** Types text as keystrokes where the cursor is. */
  typeKeys(text: string): Promise<void>;
  /** Where the cursor is (1-based line and column), as the editor shows it. */
  cursor(): Promise<{ line: number; column: number }>;
  undo(): Promise<void>;
  /** Triggers suggestions at a position and returns the labels shown once `until` holds. */
  suggest(line: number, column: number, until: (labels: string[]) => boolean): Promise<string[]>;
  /** Accepts the shown suggestion whose label matches. */
  acceptSuggestion(label: RegExp): Promise<void>;
  /** The Outline's entries for the active file, top level and children, in order. */
  outline(until: (labels: string[]) => boolean): Promise<string[]>;
  /** Saves a named screenshot where the run keeps documentation images (no-op when not wanted).
   *  The code-server driver also captures "fix" itself while the quick-fix menu is open. */
  capture(name: string): Promise<void>;
  /** Runs a command as a user would (Command Palette title; the API driver uses the id). */
  runCommand(command: { id: string; title: string }): Promise<void>;
  /** The label of the active editor tab. */
  activeTab(): Promise<string>;
  /** The labels of the open editor tabs of every editor group (UI drivers only). */
  tabs?(): Promise<string[]>;
  /** The entries of the open quick pick once `until` holds (UI drivers only). */
  quickPick?(until: (rows: string[]) => boolean): Promise<string[]>;
  /** Chooses the quick pick entry matching `label` (UI drivers only). */
  choose?(label: RegExp): Promise<void>;
  /** The text of the open preview webview and of its highlighted block (UI drivers only). */
  webview?(): Promise<{ text: string; current: string }>;
  /** The text of the Resolution status bar item (UI drivers only). */
  statusItem?(): Promise<string>;
  /** Clicks the Resolution status bar item and tells whether the Problems panel shows (UI drivers only). */
  clickStatusItem?(): Promise<boolean>;
  /** Writes (or, with undefined, deletes) a file in the workspace, as another program would. */
  writeFile(file: string, content: string | undefined): Promise<void>;
  /** Files that the Problems panel lists findings for. */
  problemFiles(): Promise<string[]>;
  /** Closes every editor without saving. */
  closeAll(): Promise<void>;
  /** Right-clicks a file in the Explorer and picks the context-menu entry matching `item` (UI drivers only). */
  explorerMenu?(file: string, item: RegExp): Promise<void>;
  /**
   * Waits for the notification whose text matches `message` (20 s unless told) and returns its text;
   * clicks its button `button` when one is named, else clears it (UI drivers only).
   */
  notification?(message: RegExp, button?: string, timeoutMs?: number): Promise<string>;
  /** Shows the explorer view named `view` and clicks its title action whose label matches (UI drivers only). */
  viewAction?(view: string, action: RegExp): Promise<void>;
  /** The rows of an explorer view (expanding the first level), once `until` holds (UI drivers only). */
  viewRows?(view: string, until: (rows: string[]) => boolean): Promise<string[]>;
  /** Answers an open-file dialog with a path, as a user typing it (UI drivers only). */
  fileDialog?(file: string): Promise<void>;
  /** Absolute path of a file beside the workspace folder (where a user keeps downloads). */
  besideWorkspace?(file: string): string;
  /** The bytes of a workspace file, or undefined when it does not exist. */
  readFile(file: string): Promise<Uint8Array | undefined>;
  /** Types into the open input box (a prompt, a password box) and presses Enter; returns its prompt (UI drivers only). */
  inputBox?(text: string): Promise<string>;
  /** The text of the user's settings.json (UI drivers only). */
  userSettings?(): Promise<string>;
  /**
   * A throwaway PostgreSQL holding `sources` (paths) pushed as the precedent corpus with
   * `resolution corpus push`, readable by a user who must give a password; or why there is none
   * (drivers beside the test process only).
   */
  corpusDatabase?(sources: string[]): Promise<TestDatabase | string>;
}

export interface TestDatabase {
  /** The connection string of the reading user, without the password. */
  url: string;
  password: string;
  stop(): Promise<void>;
}

export interface Context {
  driver: Driver;
  /** Waits until `probe` returns a value `accept` agrees with; throws with `what` on timeout. */
  waitFor<T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Records a timing figure (milliseconds) printed at the end of the run. */
  timing(name: string, ms: number): void;
  log(message: string): void;
}

export interface Scenario {
  name: string;
  /** Needs driver methods only a UI driver has (quick picks): skipped where they are missing. */
  needs?: Array<
    | 'quickPick'
    | 'statusItem'
    | 'webview'
    | 'tabs'
    | 'viewAction'
    | 'fileDialog'
    | 'explorerMenu'
    | 'notification'
    | 'inputBox'
    | 'userSettings'
    | 'corpusDatabase'
  >;
  run(ctx: Context): Promise<void>;
}

export class AssertionError extends Error {}

export function expect(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}

const lineOf = (text: string, needle: string): number => {
  const i = text.split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new AssertionError(`"${needle}" is not in the document`);
  return i + 1;
};

const clean = (s: string) => s.replace(/\u00a0/g, ' ');

const decode = (b: Uint8Array | undefined) => (b === undefined ? undefined : new TextDecoder().decode(b));

/**
 * Runs `body` with the workspace's settings (.vscode/settings.json) changed by `change`, and puts
 * the file back as it was afterwards, so that a scenario leaves the next one the workspace it found.
 */
async function withWorkspaceSettings(
  driver: Driver,
  change: (settings: Record<string, unknown>) => Record<string, unknown>,
  body: () => Promise<void>,
): Promise<void> {
  const file = '.vscode/settings.json';
  const before = decode(await driver.readFile(file));
  const settings = before ? (JSON.parse(before) as Record<string, unknown>) : {};
  await driver.writeFile(file, JSON.stringify(change(settings), null, 2) + '\n');
  try {
    await body();
  } finally {
    await driver.writeFile(file, before);
  }
}

export const scenarios: Scenario[] = [
  {
    name: 'checks-show-squiggles-and-problems',
    async run({ driver, waitFor, timing }) {
      const t0 = Date.now();
      await driver.open('defects.res.md');
      const text = await driver.text();
      const gapLine = lineOf(text, '4. *Encourages*');
      await waitFor(
        'a squiggle on the paragraph numbered 4 after 2',
        () => driver.squiggleLines(),
        (l) => l.includes(gapLine),
      );
      timing('open draft → first squiggle', Date.now() - t0);
      await driver.capture('open');
      const lines = await driver.squiggleLines();
      const untouched = [lineOf(text, '1. *Urges*'), lineOf(text, '2. *Invites*')];
      expect(
        !untouched.some((l) => lines.includes(l)),
        `no squiggle expected on the correct paragraphs 1 and 2 (lines ${untouched}); squiggles on ${lines}`,
      );
      const problems = await waitFor(
        'the Problems panel to list operative-numbering',
        () => driver.problems(),
        (p) => p.some((d) => d.code === 'operative-numbering'),
      );
      const numbering = problems.find((d) => d.code === 'operative-numbering')!;
      expect(numbering.line === gapLine, `operative-numbering listed at line ${numbering.line}, expected ${gapLine}`);
      expect(numbering.severity === 'error', `operative-numbering is an error by default, listed as ${numbering.severity}`);
      const italicLine = lineOf(text, '6. Requests');
      const italic = await waitFor(
        'the Problems panel to list operative-verb-italic',
        () => driver.problems(),
        (p) => p.some((d) => d.code === 'operative-verb-italic'),
      );
      const verb = italic.find((d) => d.code === 'operative-verb-italic')!;
      expect(
        verb.line === italicLine && verb.severity === 'warning',
        `operative-verb-italic: a warning at line ${italicLine}, listed as ${verb.severity} at ${verb.line}`,
      );
      expect(
        (await driver.squiggleLines()).includes(italicLine),
        `a squiggle on the paragraph whose verb is not italic (line ${italicLine})`,
      );
      expect(
        italic.every((d) => d.code && /^[a-z]+(-[a-z]+)*$/.test(d.code)),
        `every problem carries its check id: ${JSON.stringify(italic)}`,
      );
      await driver.capture('check');
    },
  },
  {
    name: 'renumber-quick-fix-carries-references',
    async run({ driver, waitFor }) {
      await driver.open('defects.res.md');
      const before = await driver.text();
      const gapLine = lineOf(before, '4. *Encourages*');
      expect(before.includes('paragraph 4 above'), 'the fixture refers to "paragraph 4 above"');
      await waitFor(
        'the numbering squiggle',
        () => driver.squiggleLines(),
        (l) => l.includes(gapLine),
      );
      const titles = await driver.quickFix(gapLine, 1, /renumber/i);
      const after = await waitFor(
        'the paragraphs renumbered',
        () => driver.text(),
        (t) => t.includes('3. *Encourages*'),
      );
      expect(after.includes('4. *Also encourages*'), `paragraph 5 becomes 4 (offered: ${titles.join(' | ')})`);
      expect(after.includes('5. Requests'), 'paragraph 6 becomes 5');
      expect(
        after.includes('paragraph 3 above') && !after.includes('paragraph 4 above'),
        '"paragraph 4 above" now reads "paragraph 3 above"',
      );
      await waitFor(
        'the numbering finding to go',
        () => driver.problems(),
        (p) => !p.some((d) => d.code === 'operative-numbering'),
      );
      const lines = await driver.squiggleLines();
      expect(
        !lines.includes(gapLine) || !(await driver.problems()).some((d) => d.line === gapLine && d.severity === 'error'),
        `no error squiggle left on line ${gapLine}`,
      );
      await driver.closeAll();
    },
  },
  {
    name: 'hover-shows-precedent',
    async run({ driver, waitFor }) {
      await driver.open('precedent.res.md');
      const text = await driver.text();
      const line = lineOf(text, '1. *Calls upon*');
      const hover = await driver.hover(line, 30, (h) => /A\/RES\/(75\/311|71\/326)/.test(h) && /\d/.test(h));
      expect(/A\/RES\/(75\/311|71\/326)/.test(hover), `the hover names the precedent's symbol: ${hover.slice(0, 300)}`);
      expect(/(0?\.\d{2}|\b\d{1,3}\s?%)/.test(hover), `the hover shows a score: ${hover.slice(0, 300)}`);
      await driver.capture('precedent');
      void waitFor;
    },
  },
  {
    name: 'keystroke-updates-squiggle',
    async run({ driver, waitFor, timing }) {
      await driver.open('precedent.res.md');
      const text = await driver.text();
      const line = lineOf(text, '2. *Requests*');
      await waitFor(
        'the document checked',
        () => driver.squiggleLines(),
        (l) => !l.includes(line),
      );
      await driver.select(line, 1, 1);
      let t0 = Date.now();
      await driver.typeKeys('7');
      await waitFor(
        'a squiggle on the paragraph renumbered 7',
        () => driver.squiggleLines(),
        (l) => l.includes(line),
        15000,
      );
      timing('keystroke → squiggle shown', Date.now() - t0);
      t0 = Date.now();
      await driver.undo();
      await waitFor(
        'the squiggle to go after undo',
        () => driver.squiggleLines(),
        (l) => !l.includes(line),
        15000,
      );
      timing('keystroke → squiggle gone', Date.now() - t0);
    },
  },
  {
    name: 'large-draft-keeps-other-drafts-responsive',
    async run({ driver, waitFor, timing }) {
      const t0 = Date.now();
      await driver.open('large.res.md');
      timing('open a 5 MB draft (editor shows it)', Date.now() - t0);
      await driver.open('precedent.res.md');
      const text = await driver.text();
      const line = lineOf(text, '2. *Requests*');
      await driver.select(line, 1, 1);
      const t1 = Date.now();
      await driver.typeKeys('7');
      await waitFor(
        'a squiggle on the paragraph renumbered 7',
        () => driver.squiggleLines(),
        (l) => l.includes(line),
        30000,
      );
      timing('keystroke → squiggle with a 5 MB draft open', Date.now() - t1);
      await driver.undo();
      await waitFor(
        'the squiggle to go after undo',
        () => driver.squiggleLines(),
        (l) => !l.includes(line),
        30000,
      );
      await driver.closeAll();
    },
  },
  {
    name: 'precedent-completion-inserts-text',
    async run({ driver, waitFor }) {
      await driver.open('precedent.res.md');
      const text = await driver.text();
      const lines = text.split(/\r?\n/);
      const last = lines.length; // the empty last line
      const typed = '3. *Calls upon* Member States to review and amend national legislation';
      await driver.type(last, 1, typed);
      const labels = await driver.suggest(last, typed.length + 1, (l) => l.length > 0);
      await driver.capture('completion');
      const pick = labels.find((l) => /predicate|review and amend|national legislation/i.test(l)) ?? labels[0];
      expect(!!pick, `suggestions are offered: ${labels.join(' | ')}`);
      await driver.acceptSuggestion(new RegExp(escapeRe(pick)));
      const after = await waitFor(
        'the precedent text inserted',
        () => driver.text(),
        (t) => /predicate offences/.test(t),
      );
      expect(/predicate offences/.test(after), 'accepting inserts the rest of the precedent paragraph (A/RES/75/311 op. 9)');
      await driver.closeAll();
    },
  },
  {
    name: 'outline-shows-operative-paragraphs',
    async run({ driver }) {
      await driver.open('defects.res.md');
      const labels = await driver.outline((l) => l.some((x) => /Urges/.test(x)) && l.some((x) => /Requests/.test(x)));
      const ops = labels.map(clean).filter((l) => /^\d+\.\s/.test(l));
      for (const want of [/^1\.\s+Urges/, /^2\.\s+Invites/, /Encourages/, /Also encourages/, /Requests/]) {
        expect(
          ops.some((l) => want.test(l)),
          `the Outline lists ${want}: ${labels.join(' | ')}`,
        );
      }
      await driver.capture('outline');
    },
  },
  {
    name: 'insert-footnote-command',
    async run({ driver, waitFor }) {
      await driver.open('precedent.res.md');
      const text = await driver.text();
      const line = lineOf(text, '*Reaffirming*');
      const col = text.split('\n')[line - 1].indexOf('in wildlife,') + 'in wildlife'.length + 1;
      await driver.select(line, col, 0);
      await driver.runCommand({ id: 'resolution.insertFootnote', title: 'Resolution: Insert footnote' });
      const after = await waitFor(
        'the footnote inserted',
        () => driver.text(),
        (t) => t.includes('in wildlife¹,'),
      );
      const lines = after.split(/\r?\n/);
      const def = lines.findIndex((l) => l.startsWith('¹ '));
      expect(def === line + 1, `the definition "¹ " stands after the paragraph (line ${line + 2}), found at line ${def + 1}`);
      // Type only once the cursor stands after "¹ " (the command may still be placing it): wait on
      // the editor's state, not on time.
      await waitFor(
        'the cursor after "¹ " on the definition line',
        () => driver.cursor(),
        (c) => c.line === def + 1 && c.column === '¹ '.length + 1,
      );
      await driver.typeKeys('Adopted on 23 July 2021.');
      await waitFor(
        'the definition typed where the cursor was left',
        () => driver.text(),
        (t) => t.includes('¹ Adopted on 23 July 2021.'),
      );
      await driver.closeAll();
    },
  },
  {
    name: 'check-all-drafts-command',
    async run({ driver, waitFor }) {
      await driver.open('precedent.res.md');
      await driver.runCommand({ id: 'resolution.checkWorkspace', title: 'Resolution: Check all drafts in the workspace' });
      const files = await waitFor(
        'the Problems panel to list the drafts with findings, opened or not',
        () => driver.problemFiles(),
        (f) => f.includes('unopened.res.md') && f.includes('defects.res.md'),
      );
      expect(!files.includes('precedent.res.md'), `a draft without findings is not listed: ${files.join(', ')}`);
      await driver.capture('workspace');
      await driver.closeAll();
    },
  },
  {
    name: 'status-bar-counts-and-problems',
    needs: ['statusItem'],
    async run({ driver, waitFor }) {
      await driver.open('defects.res.md');
      const status = await waitFor(
        'the status item with the counts',
        () => driver.statusItem!(),
        (t) => /2 pp · 5 op/.test(t) && /\b1\b/.test(t),
      );
      expect(/2 pp · 5 op/.test(status), `2 preambular and 5 operative paragraphs: ${status}`);
      expect(await driver.clickStatusItem!(), 'clicking the status item opens the Problems panel');
      await driver.closeAll();
    },
  },
  {
    name: 'compare-with-precedent-command',
    async run({ driver, waitFor }) {
      await driver.open('precedent.res.md');
      const text = await driver.text();
      await driver.select(lineOf(text, '1. *Calls upon*'), 10, 0);
      await driver.runCommand({ id: 'resolution.compareWithPrecedent', title: 'Resolution: Compare paragraph with precedent' });
      const tab = await waitFor(
        'the diff editor against the precedent',
        () => driver.activeTab(),
        (t) => /A\/RES\/(75\/311|71\/326)/.test(t) && /↔/.test(t),
      );
      expect(/score \d\.\d\d/.test(tab), `the diff editor's title gives the score: ${tab}`);
      await driver.capture('compare');
      await driver.closeAll();
    },
  },
  {
    name: 'show-precedents-command',
    needs: ['quickPick'],
    async run({ driver, waitFor }) {
      await driver.open('precedent.res.md');
      const text = await driver.text();
      expect(!text.includes('in order to ensure'), 'the fixture paragraph differs from its precedent');
      await driver.select(lineOf(text, '1. *Calls upon*'), 10, 0);
      await driver.runCommand({ id: 'resolution.showPrecedents', title: 'Resolution: Show precedents for paragraph' });
      const rows = await driver.quickPick!((r) => r.some((x) => /A\/RES\/75\/311/.test(x)));
      expect(
        rows.some((r) => /A\/RES\/75\/311, op\. 6/.test(r) && /score \d\.\d\d/.test(r)),
        `each match shows its source and score: ${rows.join(' | ')}`,
      );
      await driver.capture('precedents');
      await driver.choose!(/A\/RES\/75\/311, op\. 6/);
      await driver.quickPick!((r) => r.some((x) => /Replace this paragraph/.test(x)));
      await driver.choose!(/Replace this paragraph/);
      const after = await waitFor(
        'the precedent wording in place',
        () => driver.text(),
        (t) => t.includes('in order to ensure that, where the offence is transnational'),
      );
      expect(/(^|\n)1\. \*Calls upon\* Member States to make illicit/.test(after), 'the paragraph keeps its number 1');
      await driver.closeAll();
    },
  },
  {
    name: 'project-config-file-sets-severity',
    async run({ driver, waitFor }) {
      await driver.open('defects.res.md');
      const gapLine = lineOf(await driver.text(), '4. *Encourages*');
      const numbering = (p: SeenDiagnostic[]) => p.find((d) => d.code === 'operative-numbering' && d.line === gapLine);
      await waitFor(
        'the numbering error',
        () => driver.problems(),
        (p) => numbering(p)?.severity === 'error',
      );
      try {
        await driver.writeFile('.resolutionrc.json', JSON.stringify({ rules: { 'operative-numbering': 'warning' } }, null, 2) + '\n');
        await waitFor(
          'a .resolutionrc.json to turn the error into a warning',
          () => driver.problems(),
          (p) => numbering(p)?.severity === 'warning',
        );
      } finally {
        await driver.writeFile('.resolutionrc.json', undefined);
      }
      await waitFor(
        'the error back once the file is gone',
        () => driver.problems(),
        (p) => numbering(p)?.severity === 'error',
      );
      await driver.closeAll();
    },
  },
  {
    name: 'preview-follows-the-draft-and-the-cursor',
    needs: ['webview'],
    async run({ driver, waitFor }) {
      await driver.open('defects.res.md');
      const text = await driver.text();
      await driver.runCommand({ id: 'resolution.showPreview', title: 'Resolution: Open Preview to the Side' });
      const shown = await waitFor(
        'the preview to show the draft in the UN layout',
        () => driver.webview!(),
        (w) => w.text.includes('The General Assembly,') && w.text.includes('Encourages Member States'),
      );
      expect(!shown.text.includes('*Urges*'), 'italics are rendered, not shown as asterisks');
      const line = lineOf(text, '5. *Also encourages*');
      await driver.select(line, 10, 0);
      await waitFor(
        'the preview to highlight the paragraph at the cursor',
        () => driver.webview!(),
        (w) => w.current.includes('Also encourages Member States to report'),
      );
      const lineText = text.split(/\r?\n/)[line - 1];
      await driver.type(line, lineText.length + 1, ' Seen in the preview.');
      await waitFor(
        'the preview to follow the edit',
        () => driver.webview!(),
        (w) => w.text.includes('Seen in the preview.'),
      );
      await driver.capture('preview');
      await driver.closeAll();
    },
  },
  {
    name: 'corpus-view-adds-a-session-archive',
    needs: ['viewAction', 'fileDialog'],
    async run({ driver, timing, log }) {
      // A new user's draft on gender equality; the built-in corpus is four texts on wildlife crime.
      // The archive (the 75th session's English resolutions) and the draft are built from
      // ../shared/corpus at the start of the run (workspace.ts).
      const archivePath = driver.besideWorkspace!(CORPUS_ARCHIVE);
      if (!archive.files) {
        log('    skipped: ../shared not present (no archive to add)');
        return;
      }
      // The archive is added to the workspace settings; they are put back as they were afterwards
      // (a second try starts without the archive too).
      const withoutArchive = (settings: Record<string, unknown>) => {
        const paths = settings['resolution.corpus.paths'];
        return Array.isArray(paths) ? { ...settings, 'resolution.corpus.paths': paths.filter((x) => x !== archivePath) } : settings;
      };
      await withWorkspaceSettings(driver, withoutArchive, async () => {
        await driver.open(ARCHIVE_DRAFT);
        const text = await driver.text();
        const line = lineOf(text, '1. *Strongly condemns* all forms of violence against women and girls');
        const before = await driver.hover(line, 30, (h) => /Precedents/.test(h));
        expect(/none in the corpus/.test(before), `before the archive is added, the draft has no precedent: ${before.slice(0, 200)}`);
        // Two clicks: Add in the Corpus view, then the archive in the file dialog.
        const t0 = Date.now();
        await driver.viewAction!('Corpus', /Add a corpus source/);
        await driver.fileDialog!(archivePath);
        const listed = new RegExp(`${escapeRe(CORPUS_ARCHIVE)}\\s*${archive.files} files`);
        const rows = await driver.viewRows!('Corpus', (r) => r.some((x) => listed.test(x)));
        timing('add a session archive → listed in the Corpus view', Date.now() - t0);
        const row = rows.find((x) => listed.test(x))!;
        expect(/\ben\b/.test(row), `the archive's row names its language: ${row}`);
        await driver.closeAll();
        await driver.open(ARCHIVE_DRAFT);
        const hover = await driver.hover(line, 30, (h) => /A\/RES\/75\/161\b/.test(h));
        timing('add a session archive → precedent from it in the hover', Date.now() - t0);
        expect(
          /A\/RES\/75\/161, op\\?\. 1 · 16 December 2020/.test(clean(hover)),
          `the hover gives op. 1 of A/RES/75/161 with its adoption date from the archive's metadata: ${hover.slice(0, 400)}`,
        );
        await driver.capture('corpus');
        await driver.closeAll();
      });
    },
  },
  {
    name: 'negotiation-status-mark-agreed-and-compare',
    needs: ['quickPick', 'tabs'],
    async run({ driver, waitFor }) {
      await driver.open('negotiation.res.md');
      // the markings of a negotiation draft produce no finding of form
      await waitFor(
        'the draft checked',
        () => driver.text(),
        (t) => t.includes('OP2 bis'),
      );
      const problems = await driver.problems();
      expect(problems.length === 0, `no findings on the negotiation draft: ${problems.map((p) => `${p.line} ${p.code}`).join(', ')}`);
      await driver.runCommand({ id: 'resolution.negotiationStatus', title: 'Resolution: Negotiation status' });
      const rows = await driver.quickPick!((r) => r.length >= 7);
      expect(
        rows.some((r) => /PP1/.test(r) && /agreed/.test(r)),
        `PP1 agreed: ${rows.join(' | ')}`,
      );
      expect(
        rows.some((r) => /PP2/.test(r) && /bracketed/.test(r)),
        `PP2 bracketed: ${rows.join(' | ')}`,
      );
      expect(
        rows.some((r) => /OP2 bis/.test(r) && /deleted/.test(r)),
        `OP2 bis deleted: ${rows.join(' | ')}`,
      );
      expect(
        rows.some((r) => /OP3/.test(r) && /pending/.test(r)),
        `OP3 pending: ${rows.join(' | ')}`,
      );
      await driver.capture('negotiation-status');
      await driver.choose!(/OP3/);
      // Mark agreed ad ref on OP3, one undo step
      const before = await driver.text();
      expect(!/seventy-eighth session\. \[Agreed/.test(before), 'OP3 has no tag yet');
      await driver.select(lineOf(before, 'OP3 *Requests*'), 10, 0);
      await driver.runCommand({ id: 'resolution.markAgreed', title: 'Resolution: Mark agreed ad ref' });
      await waitFor(
        'OP3 tagged agreed ad ref',
        () => driver.text(),
        (t) => /seventy-eighth session\. \[Agreed ad ref\]/.test(t),
      );
      await driver.undo();
      await waitFor(
        'one undo restores the draft',
        () => driver.text(),
        (t) => t.includes('seventy-eighth session.') && !/seventy-eighth session\. \[Agreed/.test(t),
      );
      // Compare with the zero draft: a side-by-side view with the summary
      await driver.runCommand({ id: 'resolution.compareWith', title: 'Resolution: Compare with…' });
      await driver.quickPick!((r) => r.some((x) => /Another draft in the workspace/.test(x)));
      await driver.choose!(/Another draft in the workspace/);
      await driver.quickPick!((r) => r.some((x) => /negotiation-rev0\.res\.md/.test(x)));
      await driver.choose!(/negotiation-rev0\.res\.md/);
      const tabs = await waitFor(
        'the comparison view beside the draft',
        () => driver.tabs!(),
        (t) => t.some((x) => /Compare: negotiation-rev0\.res\.md ↔ negotiation\.res\.md/.test(x)),
      );
      expect(
        tabs.some((x) => /^negotiation\.res\.md/.test(x)),
        `the draft stays open beside it: ${tabs.join(' | ')}`,
      );
      await driver.capture('negotiation-compare');
      await driver.closeAll();
    },
  },
  {
    name: 'import-word-file-from-explorer',
    needs: ['explorerMenu', 'notification'],
    async run({ driver, waitFor }) {
      // A Word file LibreOffice wrote from a short draft (automatic numbering: the numbers are not in its text).
      expect((await driver.readFile(IMPORT_DOCX)) !== undefined, `the workspace holds ${IMPORT_DOCX}`);
      // a draft first: the extension's menus are known once a draft shows in its language mode
      await driver.open('precedent.res.md');
      await driver.explorerMenu!(IMPORT_DOCX, /Import Word or PDF/);
      const draftName = IMPORT_DOCX.replace(/\.docx$/, '.res.md');
      await waitFor(
        'the imported draft in a new tab',
        () => driver.activeTab(),
        (t) => t.includes(draftName),
      );
      const text = clean(
        await waitFor(
          'the draft text',
          () => driver.text(),
          (t) => /(^|\n)3\. \*/.test(t),
        ),
      );
      const ops = text.split(/\r?\n/).filter((l) => /^\d+\. /.test(l));
      const want = IMPORT_SOURCE.split('\n').filter((l) => /^\d+\. /.test(l)).length;
      expect(ops.length === want, `${want} numbered operative paragraphs, as in the Word file: ${ops.length}`);
      expect(
        ops.every((l, i) => l.startsWith(`${i + 1}. `)),
        `numbered 1, 2, 3 … in order: ${ops.map((l) => l.split(' ')[0]).join(' ')}`,
      );
      expect(/^1\. \*Encourages\* Member States/m.test(text), 'paragraph 1 with its italic verb');
      expect(/The General Assembly,/.test(text), 'the authority line');
      expect((await driver.readFile(draftName)) === undefined, 'nothing is written before the user saves');
      const note = await driver.notification!(/imported .*\.docx as .*\.res\.md/, 'Save');
      expect(/not yet saved/.test(note), `the notification says the draft is unsaved: ${note}`);
      const saved = await waitFor(
        'the draft saved beside the Word file',
        async () => new TextDecoder().decode((await driver.readFile(draftName)) ?? new Uint8Array()),
        (t) => t.length > 0,
      );
      expect(saved.trimEnd() === text.trimEnd(), 'the saved file holds the draft shown');
      await driver.capture('import');
      await driver.writeFile(draftName, undefined);
      await driver.closeAll();
    },
  },
  {
    name: 'export-to-word-and-redline',
    async run({ driver, waitFor }) {
      for (const f of ['base-text.docx', 'base-text.redline.docx']) await driver.writeFile(f, undefined);
      await driver.open('base-text.res.md');
      await driver.runCommand({ id: 'resolution.exportWord', title: 'Resolution: Export to Word' });
      const docx = await waitFor(
        'base-text.docx to appear',
        () => driver.readFile('base-text.docx'),
        (b) => !!b && b.length > 1000,
      );
      const exported = readDocx(docx!);
      expect(
        exported.accept.some((p) => p.text.startsWith('1.\t*Calls upon* Member States')),
        `the export has operative paragraph 1: ${exported.accept.map((p) => p.text.slice(0, 30)).join(' | ')}`,
      );
      expect(!exported.accept.some((p) => /^base:/.test(p.text)), 'the base: setting stays out of the Word file');
      await driver.runCommand({ id: 'resolution.exportRedline', title: 'Resolution: Export redline against base' });
      const red = await waitFor(
        'base-text.redline.docx to appear',
        () => driver.readFile('base-text.redline.docx'),
        (b) => !!b && b.length > 1000,
        60000,
      );
      const read = readDocx(red!);
      expect(read.revisions.ins > 0 && read.revisions.del > 0, 'the redline has tracked insertions and deletions');
      expect(
        read.reject.some((p) => /^75\/311\. Tackling illicit trafficking in wildlife/.test(p.text)),
        'rejecting all changes gives A/RES/75/311 back',
      );
      expect(
        read.accept.some((p) => /^2\.\t\*Requests\* the Secretary-General to report on the implementation/.test(p.text)),
        'accepting all changes gives the draft',
      );
      await driver.capture('redline');
      await driver.closeAll();
    },
  },
  {
    name: 'accept-this-phrase-quick-fix',
    async run({ driver, waitFor }) {
      // A committee writes "Tasks …"; the check does not know the phrase and suggests "Asks".
      const rcFile = '.resolutionrc.json';
      const had = decode(await driver.readFile(rcFile));
      const rcBefore = had ? (JSON.parse(had) as { phrases?: Record<string, string[]> }) : {};
      expect(!rcBefore.phrases?.operative?.includes('Tasks'), 'the project does not know the phrase yet');
      await driver.open('house-phrase.res.md');
      const before = await driver.text();
      const line = lineOf(before, '2. *Tasks*');
      await waitFor(
        'the unknown phrase listed',
        () => driver.problems(),
        (p) => p.some((d) => d.code === 'operative-verb-unknown' && d.line === line),
      );
      try {
        const titles = await driver.quickFix(line, 6, /^Accept "Tasks" as an operative phrase/);
        expect(
          titles.some((t) => /Replace with .Asks./.test(t)),
          `the suggestion is offered beside it: ${titles.join(' | ')}`,
        );
        // written to disk: the nearest .resolutionrc.json, here created in the workspace folder
        const rc = await waitFor(
          `${rcFile} to hold the phrase`,
          async () => decode(await driver.readFile(rcFile)) ?? '',
          (t) => /"Tasks"/.test(t),
        );
        const after = JSON.parse(rc) as { phrases?: Record<string, string[]> };
        expect(
          JSON.stringify(after) ===
            JSON.stringify({
              ...rcBefore,
              phrases: { ...rcBefore.phrases, operative: [...(rcBefore.phrases?.operative ?? []), 'Tasks'] },
            }),
          `${rcFile} gains the phrase and keeps the rest: ${rc}`,
        );
        await waitFor(
          'the finding to disappear',
          () => driver.problems(),
          (p) => !p.some((d) => d.code === 'operative-verb-unknown'),
        );
        expect(!(await driver.squiggleLines()).includes(line), `no squiggle left on line ${line}`);
        expect((await driver.text()) === before, 'the draft itself is left as written');
        await driver.capture('accept-phrase');
      } finally {
        await driver.writeFile(rcFile, had);
      }
      await driver.closeAll();
    },
  },
  {
    name: 'corpus-database-password-command',
    needs: ['inputBox', 'userSettings', 'corpusDatabase', 'notification'],
    async run({ driver, waitFor, log }) {
      const source = driver.besideWorkspace!(DATABASE_SOURCE);
      if ((await driver.readFile(DATABASE_DRAFT)) === undefined) {
        log('    skipped: ../shared not present (nothing to push into the database)');
        return;
      }
      // A shared corpus on a real PostgreSQL (A/RES/76/140), read by a user with a password.
      const db = await driver.corpusDatabase!([source]);
      if (typeof db === 'string') {
        log(`    skipped: ${db}`);
        return;
      }
      try {
        // The connection string goes into the workspace settings, without the password.
        await withWorkspaceSettings(
          driver,
          (settings) => ({ ...settings, 'resolution.corpus.database': db.url }),
          async () => {
            await driver.open(DATABASE_DRAFT);
            const line = lineOf(await driver.text(), '1. *Encourages* Member States and all other relevant stakeholders');
            // Hovered until the server, having read the setting, has tried the database and said why it cannot use it.
            let before = '';
            const why = await waitFor(
              'the editor to say why the database is not used',
              async () => {
                before = await driver.hover(line, 30, (h) => /Precedents/.test(h));
                return driver.notification!(/corpus database unavailable/i, undefined, 2000).catch(() => '');
              },
              (t) => t.length > 0,
              60000,
            );
            expect(!/A\/RES\/76\/140/.test(before), `no precedent from the database before the password is given: ${before.slice(0, 200)}`);
            expect(/asks for a password/.test(why), `the editor says why the database is not used: ${why}`);
            await driver.runCommand({ id: 'resolution.setCorpusDatabasePassword', title: 'Resolution: Set corpus database password' });
            const prompt = await driver.inputBox!(db.password);
            expect(/secret storage/.test(prompt), `the prompt says where the password is kept: ${prompt}`);
            await driver.notification!(/Corpus database password saved/);
            const hover = await driver.hover(line, 30, (h) => /A\/RES\/76\/140/.test(h));
            expect(
              /A\/RES\/76\/140, op\\?\. 4 · 16 December 2021/.test(clean(hover)),
              `the hover gives op. 4 of A/RES/76/140 from the database, with its date: ${hover.slice(0, 400)}`,
            );
            await driver.capture('corpus-database');
            const settings = [await driver.userSettings!(), decode(await driver.readFile('.vscode/settings.json')) ?? ''];
            expect(settings[1].includes(db.url), 'the workspace settings hold the connection string');
            expect(!settings.some((t) => t.includes(db.password)), 'neither the user nor the workspace settings hold the password');
            // An empty answer removes it.
            await driver.runCommand({ id: 'resolution.setCorpusDatabasePassword', title: 'Resolution: Set corpus database password' });
            await driver.inputBox!('');
            await driver.notification!(/Corpus database password removed/);
            await driver.closeAll();
          },
        );
      } finally {
        await db.stop();
      }
    },
  },
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
