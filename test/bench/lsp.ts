/**
 * The benchmark as the editor sees it: the language server (`node dist/server.js --stdio`, driven by the
 * protocol tests' client) timed from request sent to response received, so the times include the JSON-RPC
 * round trip, the server's own document sync and the conversion of results to LSP types.
 *
 * The client pulls diagnostics as VS Code does, with the `previousResultId` of the last report it got for the
 * document: a server may answer `unchanged` when the diagnostics are the same, and each row's output says
 * which kinds of report it got. One row edits a line that carries diagnostics, so that every answer is a
 * full report and its cost (conversion, JSON, transport) stays in view.
 *
 * Keystrokes are typed in prose mid-document, on a line that carries diagnostics, and at the start of a new
 * line: the first character of a new paragraph, `## ` heading or `- ` list item (see `lineStartEdit`).
 *
 * Every scenario gets its own server process, so that its peak RSS (VmHWM, read from /proc before the
 * server shuts down) holds only that scenario's documents. The client answers `workspace/configuration`
 * with `reportDetection: always`: the concatenated documents have several titles and would otherwise not
 * be detected as reports, and the in-process rows force every check on the same way.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TextDocumentSyncKind, type Diagnostic, type DocumentDiagnosticReport, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../lsp/client.js';
import { editedText, lineStartEdit, midDocumentEdit, replacementFor, summarize, type Summary } from './common.js';

export interface LspDocument {
  readonly name: string;
  readonly text: string;
  readonly bytes: number;
}

export type LspScenario =
  | 'spawn-initialize'
  | 'parsed-requests'
  | 'edited-requests'
  | 'open-diagnostics'
  | 'edited-diagnostics'
  | 'changed-diagnostics'
  | 'paragraph-start-diagnostics'
  | 'heading-start-diagnostics'
  | 'list-start-diagnostics'
  | 'changed-all-diagnostics';

export const LSP_LABELS: Readonly<Record<LspScenario, string>> = {
  'spawn-initialize': 'spawn -> initialize result',
  'parsed-requests': 'diagnostics + symbols, unchanged version',
  'edited-requests': 'didChange 1 char -> diagnostics + symbols',
  'open-diagnostics': 'didOpen -> first diagnostics (cold)',
  'edited-diagnostics': 'didChange 1 char -> diagnostics',
  'changed-diagnostics': 'didChange 1 char on a diagnosed line -> full report',
  'paragraph-start-diagnostics': 'didChange 1st char of a new paragraph -> diagnostics',
  'heading-start-diagnostics': 'didChange 1st char of a new `## ` heading -> diagnostics',
  'list-start-diagnostics': 'didChange 1st char of a new `- ` list item -> diagnostics',
  'changed-all-diagnostics': '  same, maxNumberOfProblems 0 (every problem sent)',
};

export interface LspRow extends Summary {
  readonly scenario: LspScenario;
  /** Empty for spawn-initialize, which opens no document. */
  readonly document: string;
  /** VmHWM of the scenario's server process just before it shut down; undefined without /proc. */
  readonly peakRssMb: number | undefined;
  /** What the last run answered (diagnostics, top-level symbols), to show that the server did the work. */
  readonly output: string;
}

export interface LspMeasurements {
  readonly rows: LspRow[];
  /** CPU time the server processes used, user + system, in microseconds (0 without /proc). */
  readonly cpuMicros: number;
}

const SETTINGS = { reportDetection: 'always' };
/**
 * The server sends at most `reportWriter.maxNumberOfProblems` problems (1 000 by default, what VS Code
 * shows per file); one row lifts the limit, so the cost of sending all of a huge report's stays in view.
 */
const UNLIMITED = { ...SETTINGS, maxNumberOfProblems: 0 };
/** Node's start and module loading vary by a few ms from spawn to spawn: the median of this many. */
const SPAWNS = 10;
/** Requests on a parsed document take a few ms: cheap enough for many runs, and JIT warm-up first. */
const PARSED_WARMUP = 10;
const PARSED_RUNS = 30;
/**
 * Edits of the large documents (see `editedDiagnostics`). An edit run takes tens of ms even at 5 MB, and
 * single runs spread from ~25 to ~100 ms there (garbage collection, the machine's drift): the median of
 * 7 runs moved by 10-15 ms from one bench run to the next. The first edits after opening run colder code.
 */
const EDIT_WARMUP = 5;
const EDIT_RUNS = 30;

let cpuMicros = 0;

interface ProcessStats {
  readonly peakRssKb: number;
  readonly cpuMicros: number;
}

/** Peak RSS and CPU time of a running process, from Linux /proc (undefined elsewhere). */
function processStats(pid: number): ProcessStats | undefined {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (!hwm) return undefined;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state is field 0, utime field 11 and stime field 12, in USER_HZ (1/100 s).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { peakRssKb: Number(hwm[1]), cpuMicros: (Number(fields[11]) + Number(fields[12])) * 10_000 };
  } catch {
    return undefined;
  }
}

/** Starts a server, runs the scenario, records its process stats, and shuts it down cleanly. */
async function withServer<T>(scenario: (server: TestServer) => Promise<T>, settings: Record<string, unknown> = SETTINGS): Promise<{ result: T; peakRssMb: number | undefined }> {
  const server = await startServer({ settings });
  try {
    const result = await scenario(server);
    const stats = processStats(server.process.pid!);
    cpuMicros += stats?.cpuMicros ?? 0;
    return { result, peakRssMb: stats && stats.peakRssKb / 1024 };
  } finally {
    await server.close();
  }
}

/** Timings of a scenario, with what its last run answered. */
type LspMeasured = Summary & { output: string };

/**
 * Awaits `run` `warmup` times untimed, then `runs` times timed. A minor GC before each run, as in the
 * in-process benchmark, so that the client's garbage from the previous response is not collected mid-run.
 */
async function timeRuns(warmup: number, runs: number, run: () => Promise<string>): Promise<LspMeasured> {
  const times: number[] = [];
  let output = '';
  for (let i = 0; i < warmup + runs; i++) {
    globalThis.gc?.(true);
    const start = performance.now();
    output = await run();
    const elapsed = performance.now() - start;
    if (i >= warmup) times.push(elapsed);
  }
  return { ...summarize(times), output };
}

/** What the client holds for a document, as VS Code keeps it: the last report's id and diagnostics. */
interface Held {
  resultId: string | undefined;
  items: Diagnostic[];
  /** The kinds of report received since the scenario began. */
  readonly kinds: Set<string>;
}

/**
 * Pulls with the `previousResultId` of the last report, keeping the diagnostics held when the answer is
 * `unchanged`; `expect` makes any other kind of answer an error. Resolves to what the client then holds.
 */
async function diagnostics(server: TestServer, uri: string, held: Held, expect?: DocumentDiagnosticReport['kind']): Promise<string> {
  const report = (await server.connection.sendRequest('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: held.resultId,
  })) as DocumentDiagnosticReport;
  if (expect && report.kind !== expect) throw new Error(`expected a ${expect} diagnostic report for ${uri}, got ${report.kind}`);
  held.resultId = report.resultId;
  if (report.kind === 'full') held.items = report.items;
  held.kinds.add(report.kind);
  return `${[...held.kinds].join(' and ')} reports, ${held.items.length} diagnostics`;
}

const nothingHeld = (): Held => ({ resultId: undefined, items: [], kinds: new Set() });

/** Both requests at once, as the editor sends them after a change; resolves when both have answered. */
async function diagnosticsAndSymbols(server: TestServer, uri: string, held: Held): Promise<string> {
  const [counted, symbols] = await Promise.all([
    diagnostics(server, uri, held),
    server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>,
  ]);
  return `${counted}, ${symbols.length} symbols`;
}

function syncsIncrementally(server: TestServer): boolean {
  const sync = server.initializeResult.capabilities.textDocumentSync;
  return (typeof sync === 'object' ? sync.change : sync) === TextDocumentSyncKind.Incremental;
}

/** The version last sent of a document, which is opened as version 1; the edit senders of a document share it. */
interface Versions {
  last: number;
}

interface EditSender {
  /** Sends the next version of the document as opened: one character mid-document replaced. */
  change(): Promise<void>;
  /** Sends a version with that character as opened, that is the text as opened. */
  restore(): Promise<void>;
}

/** Edits as a range change when the server syncs incrementally, else as the whole text. */
function editSender(server: TestServer, uri: string, doc: LspDocument, versions: Versions = { last: 1 }): EditSender {
  const incremental = syncsIncrementally(server);
  const edit = midDocumentEdit(doc.text);
  const range = { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + 1 } };
  const send = (text: string) =>
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++versions.last },
      contentChanges: [incremental ? { range, text } : { text: editedText(doc.text, edit, text) }],
    });
  return {
    change: () => send(replacementFor(versions.last + 1)),
    restore: () => send(doc.text[edit.offset]!),
  };
}

/**
 * Like `editSender`, but on a paragraph line where one of the `diagnostics` starts or ends past the first
 * character, inserting a character after that first one and then deleting it again: every version moves
 * that diagnostic, so no answer can be `unchanged`. It edits the text as opened, which the document must be.
 */
function diagnosedLineEditSender(server: TestServer, uri: string, doc: LspDocument, diagnostics: readonly Diagnostic[], versions: Versions): () => Promise<void> {
  const incremental = syncsIncrementally(server);
  const moves = (d: Diagnostic) => d.range.start.character >= 1 || (d.range.end.line === d.range.start.line && d.range.end.character > 1);
  const diagnosed = new Set(diagnostics.filter(moves).map((d) => d.range.start.line));
  // With the limit on problems, those sent may all stand in the first part of the document: then the
  // first diagnosed line is edited, wherever it is.
  const middleLine = doc.text.slice(0, doc.text.length >> 1).split('\n').length - 1;
  const pastMiddle = [...diagnosed].some((line) => line > middleLine);
  const edit = midDocumentEdit(doc.text, (line) => diagnosed.has(line), pastMiddle ? undefined : 0);
  const at = { line: edit.line, character: edit.character };
  const inserted = replacementFor(0);
  const withInsertion = doc.text.slice(0, edit.offset) + inserted + doc.text.slice(edit.offset);
  let insert = false;
  return () => {
    insert = !insert;
    const range = { start: at, end: insert ? at : { line: at.line, character: at.character + 1 } };
    const text = insert ? inserted : '';
    return server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++versions.last },
      contentChanges: [incremental ? { range, text } : { text: insert ? withInsertion : doc.text }],
    });
  };
}

/** The block a line-start keystroke begins, with the marker its line holds before the keystroke (see `lineStartEdit`). */
const LINE_STARTS = [
  ['paragraph-start-diagnostics', ''],
  ['heading-start-diagnostics', '## '],
  ['list-start-diagnostics', '- '],
] as const;

type LineStartScenario = (typeof LINE_STARTS)[number][0];

/**
 * Line-start keystrokes: the whole text is first replaced (untimed) by the document with a new line that
 * holds only `marker`; then every run types the block's first character after it, or deletes it again, so
 * that each version differs from the one before and half the versions have the new block with text.
 */
async function lineStartKeystrokes(server: TestServer, uri: string, doc: LspDocument, marker: string, versions: Versions, held: Held): Promise<LspMeasured> {
  const edit = lineStartEdit(doc.text, marker);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++versions.last }, contentChanges: [{ text: edit.text }] });
  await diagnostics(server, uri, held);
  held.kinds.clear();
  const incremental = syncsIncrementally(server);
  const at = { line: edit.line, character: edit.character };
  const offset = lineOffset(edit.text, edit.line) + edit.character;
  const typed = `${edit.text.slice(0, offset)}新${edit.text.slice(offset)}`;
  let type = false;
  return timeRuns(EDIT_WARMUP, EDIT_RUNS, async () => {
    type = !type;
    const range = { start: at, end: type ? at : { line: at.line, character: at.character + 1 } };
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++versions.last },
      contentChanges: [incremental ? { range, text: type ? '新' : '' } : { text: type ? typed : edit.text }],
    });
    return diagnostics(server, uri, held);
  });
}

/** The offset at which zero-based `line` starts. */
function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

const uriOf = (doc: LspDocument): string => `file:///bench/${doc.name}.md`;

async function spawnToInitialize(): Promise<LspRow> {
  const times: number[] = [];
  let peakRssMb: number | undefined;
  // One untimed spawn first: it pays for reading node and the bundle from disk into the page cache.
  for (let i = 0; i <= SPAWNS; i++) {
    const { result, peakRssMb: peak } = await withServer(async (server) => server.initializeMs);
    if (i > 0) times.push(result);
    peakRssMb = peak;
  }
  return { scenario: 'spawn-initialize', document: '', ...summarize(times), peakRssMb, output: '' };
}

/** Diagnostics and symbols once the document is parsed: on the same version again, and after a 1-char edit. */
async function parsedRequests(doc: LspDocument): Promise<LspRow[]> {
  const uri = uriOf(doc);
  const { result, peakRssMb } = await withServer(async (server) => {
    const { change } = editSender(server, uri, doc);
    await server.open(uri, doc.text);
    const held = nothingHeld();
    await diagnosticsAndSymbols(server, uri, held);
    held.kinds.clear();
    const unchanged = await timeRuns(PARSED_WARMUP, PARSED_RUNS, () => diagnosticsAndSymbols(server, uri, held));
    held.kinds.clear();
    const edited = await timeRuns(PARSED_WARMUP, PARSED_RUNS, async () => {
      await change();
      return diagnosticsAndSymbols(server, uri, held);
    });
    return { unchanged, edited };
  });
  return [
    { scenario: 'parsed-requests', document: doc.name, ...result.unchanged, peakRssMb },
    { scenario: 'edited-requests', document: doc.name, ...result.edited, peakRssMb },
  ];
}

/**
 * A large document: opened and diagnosed once (timed, one run), then edited one character at a time: in
 * prose, then on a line that carries diagnostics, then (with the default settings only) at the start of a new
 * paragraph, heading and list item; with `settings`, `UNLIMITED` for the row without a limit.
 */
async function editedDiagnostics(doc: LspDocument, settings: Record<string, unknown> = SETTINGS): Promise<{ opened: LspMeasured; edited: LspMeasured; changed: LspMeasured; lineStarts: Map<LineStartScenario, LspMeasured>; peakRssMb: number | undefined }> {
  const uri = uriOf(doc);
  const { result, peakRssMb } = await withServer(async (server) => {
    const versions = { last: 1 };
    const edits = editSender(server, uri, doc, versions);
    const held = nothingHeld();
    const start = performance.now();
    await server.open(uri, doc.text);
    const first = await diagnostics(server, uri, held, 'full');
    const opened = { ...summarize([performance.now() - start]), output: first };
    const openDiagnostics = held.items;
    held.kinds.clear();
    const edited = await timeRuns(EDIT_WARMUP, EDIT_RUNS, async () => {
      await edits.change();
      return diagnostics(server, uri, held);
    });
    // Back to the text as opened, where the opening report's diagnostics are.
    await edits.restore();
    await diagnostics(server, uri, held);
    held.kinds.clear();
    const changeDiagnosed = diagnosedLineEditSender(server, uri, doc, openDiagnostics, versions);
    const changed = await timeRuns(EDIT_WARMUP, EDIT_RUNS, async () => {
      await changeDiagnosed();
      return diagnostics(server, uri, held, 'full');
    });
    const lineStarts = new Map<LineStartScenario, LspMeasured>();
    if (settings === SETTINGS) for (const [scenario, marker] of LINE_STARTS) lineStarts.set(scenario, await lineStartKeystrokes(server, uri, doc, marker, versions, held));
    return { opened, edited, changed, lineStarts };
  }, settings);
  return { ...result, peakRssMb };
}

/**
 * Spawn to `initialize`; diagnostics and symbols on the `parsed` documents; didChange to diagnostics on the
 * `edited` ones.
 */
export async function measureLsp(
  documents: { parsed: readonly LspDocument[]; edited: readonly LspDocument[] },
  progress: (message: string) => void,
): Promise<LspMeasurements> {
  cpuMicros = 0;
  const rows: LspRow[] = [];
  progress(`language server: spawn -> initialize, ${SPAWNS} spawns after one untimed`);
  rows.push(await spawnToInitialize());
  for (const doc of documents.parsed) {
    progress(`language server: ${doc.name}, diagnostics + symbols, ${PARSED_WARMUP} warm-up + ${PARSED_RUNS} timed runs unchanged and edited`);
    rows.push(...(await parsedRequests(doc)));
  }
  for (const doc of documents.edited) {
    progress(`language server: ${doc.name}, didOpen then 1-char didChange -> diagnostics, in prose, on a diagnosed line and at the start of a new paragraph, heading and list item`);
    const limited = await editedDiagnostics(doc);
    rows.push(
      { scenario: 'open-diagnostics', document: doc.name, ...limited.opened, peakRssMb: limited.peakRssMb },
      { scenario: 'edited-diagnostics', document: doc.name, ...limited.edited, peakRssMb: limited.peakRssMb },
      { scenario: 'changed-diagnostics', document: doc.name, ...limited.changed, peakRssMb: limited.peakRssMb },
      ...[...limited.lineStarts].map(([scenario, measured]) => ({ scenario, document: doc.name, ...measured, peakRssMb: limited.peakRssMb })),
    );
    progress(`language server: ${doc.name}, the same without a limit on problems`);
    const unlimited = await editedDiagnostics(doc, UNLIMITED);
    rows.push({ scenario: 'changed-all-diagnostics', document: doc.name, ...unlimited.changed, peakRssMb: unlimited.peakRssMb });
  }
  return { rows, cpuMicros };
}
