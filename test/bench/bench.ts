/**
 * Performance benchmark: our cold full analysis against markdownlint (default rules) and a plain remark
 * parse, on the three seed reports, on ~500 KB / ~5 MB documents made by concatenating them, and on a
 * ~500 KB report with one title and every chapter, goal and table check engaged (singleTitle.ts); our
 * incremental analysis after a one-character edit; and the language server through the protocol (start,
 * requests on seed 1 and on the seeds concatenated once, ~50 KB, and keystrokes in the large documents, in
 * prose and at the start of a new paragraph, heading and list item: lsp.ts).
 *
 *   npm run bench                  readable tables on stdout (progress on stderr)
 *   npm run bench -- --json        one JSON object on stdout instead
 *   npm run bench -- --quick       skip the 5 MB document
 *   npm run bench -- --full-gc     full instead of minor garbage collection before every run (see collectGarbage)
 *
 * Peak RSS is measured in child processes (this same script, forked with `--child <tool> <document>`),
 * one per (tool, large document), so that each number holds only that tool's memory. The large documents'
 * cold runs are also timed in warm child processes of one tool each (`--timed <runs>`; see
 * `timedInOwnProcesses`). This is a
 * measurement, not a test: the exit code is 0 whether or not the targets are met, and non-zero only when
 * something throws.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from 'markdownlint/sync';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { clearContentCaches, createReportService, createTextDocument, defaultSettings, type AnalysisSettings } from '../../server/src/core/index.js';
import { editedText, midDocumentEdit, replacementFor, summarize } from './common.js';
import { LSP_LABELS, measureLsp, type LspRow } from './lsp.js';
import { singleTitleReport } from './singleTitle.js';

// ---------------------------------------------------------------------------------------------------------
// Documents

const SEED_FILES = ['seed-1-system-integration.md', 'seed-2-market-expansion.md', 'seed-3-process-optimization.md'];
const KIB = 1024;
const MIB = 1024 * 1024;

interface BenchDocument {
  readonly name: string;
  readonly text: string;
  readonly bytes: number;
  /** Timed runs per task, after `warmup` untimed ones; timed in blocks of `block` runs (measureInterleaved). */
  readonly runs: number;
  readonly warmup: number;
  readonly block: number;
  /** The concatenated documents: their peak RSS is measured too. */
  readonly large: boolean;
}

/** The corpus directory, found upwards from the running script (out/test/bench/bench.js) or the cwd. */
function corpusDir(): string {
  const starts = [path.dirname(path.resolve(process.argv[1] ?? '.')), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'test', 'fixtures', 'corpus');
      if (existsSync(path.join(candidate, SEED_FILES[0]!))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`cannot find test/fixtures/corpus/${SEED_FILES[0]} above ${starts.join(' or ')}`);
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The three seeds, in order, repeated `cycles` times, separated by one blank line; nothing renumbered. */
function repeatedSeeds(seeds: readonly string[], cycles: number): string {
  const pieces = seeds.map((seed) => seed.replace(/\n*$/, '\n'));
  const all: string[] = [];
  for (let i = 0; i < cycles; i++) all.push(...pieces);
  return all.join('\n');
}

/** As many whole cycles of the seeds as come closest to `targetBytes`. */
function concatenated(seeds: readonly string[], targetBytes: number): string {
  const cycleBytes = utf8Bytes(repeatedSeeds(seeds, 1)) + 1;
  const text = repeatedSeeds(seeds, Math.max(1, Math.round(targetBytes / cycleBytes)));
  const bytes = utf8Bytes(text);
  if (Math.abs(bytes - targetBytes) > targetBytes * 0.1) {
    throw new Error(`concatenated document is ${bytes} bytes, more than 10% away from ${targetBytes}`);
  }
  return text;
}

/** All documents, or (`only`) just the one with that name, so a child holds no other document. */
function loadDocuments(quick: boolean, only?: string): BenchDocument[] {
  const dir = corpusDir();
  const seeds = SEED_FILES.map((file) => readFileSync(path.join(dir, file), 'utf8'));
  const docs: BenchDocument[] = seeds.map((text, i) => ({
    name: SEED_FILES[i]!.replace(/\.md$/, ''),
    text,
    bytes: utf8Bytes(text),
    // Run times of a 16 KB document keep falling for the first ~40 runs (JIT tiering), and stay noisy on a
    // 2-core VM after that: warm-up and runs are cheap here (~1 s per tool and seed), so be generous.
    warmup: 40,
    runs: 30,
    block: 5,
    large: false,
  }));
  const big = (name: string, target: number, warmup: number, runs: number): BenchDocument => {
    const text = concatenated(seeds, target);
    return { name, text, bytes: utf8Bytes(text), runs, warmup, block: runs, large: true };
  };
  // A 5 MB run takes 4-7 s per tool: one warm-up only (the smaller documents before it warmed the JIT).
  if (only === undefined || only === 'concat-500KB') docs.push(big('concat-500KB', 500 * KIB, 2, 5));
  if (only === undefined || only === 'report-500KB') {
    const text = singleTitleReport(seeds, 500 * KIB);
    docs.push({ name: 'report-500KB', text, bytes: utf8Bytes(text), runs: 5, warmup: 2, block: 5, large: true });
  }
  if (!quick && (only === undefined || only === 'concat-5MB')) docs.push(big('concat-5MB', 5 * MIB, 1, 3));
  return only === undefined ? docs : docs.filter((d) => d.name === only);
}

// ---------------------------------------------------------------------------------------------------------
// Tools. Each returns a small number derived from its output, so that nothing can be optimised away and
// the table can show that every tool did its work.

type ToolId = 'ours' | 'markdownlint' | 'remark';

interface Tool {
  readonly id: ToolId;
  readonly label: string;
  readonly unit: string;
  run(doc: BenchDocument): number;
}

/** The suffix of a tool's id for its runs in a process of its own. */
const OWN_PROCESS = '-own-process';

const uriOf = (doc: BenchDocument): string => `file:///bench/${doc.name}.md`;

/**
 * One engine for the whole run, as in the language server and the CLI, so its schemas are loaded and its
 * code warm. It keeps the blocks of a document's last version to parse the next one incrementally: a cold
 * run first makes it forget the document, so nothing of an earlier parse is reused. The concatenated
 * documents have several titles and would not be detected as reports: every check is forced on so that
 * all of them are timed.
 */
const service = createReportService();
let version = 0;
const coldSettings: AnalysisSettings = { ...defaultSettings, reportDetection: 'always' };

const TOOLS: readonly Tool[] = [
  {
    id: 'ours',
    label: 'ours: cold full analysis',
    unit: 'diagnostics',
    run: (doc) => {
      service.forget(uriOf(doc));
      clearContentCaches();
      return service.analyze(createTextDocument(uriOf(doc), doc.text, ++version), coldSettings)?.diagnostics.length ?? -1;
    },
  },
  {
    id: 'markdownlint',
    label: 'markdownlint 0.40 (default rules)',
    unit: 'issues',
    run: (doc) => lint({ strings: { doc: doc.text } })['doc']?.length ?? -1,
  },
  {
    id: 'remark',
    label: 'remark parse (gfm, frontmatter)',
    unit: 'top-level nodes',
    run: (doc) => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(doc.text).children.length,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Timing

interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  /** What the last run returned (diagnostics, issues, nodes). */
  readonly output: number;
}

/**
 * Garbage collection before every run, so that a run pays less for the garbage of the one before. It is a
 * minor collection (`gc(true)`, a scavenge). On Node 20 (V8 11.3) an argument-less `gc()` is a forced full
 * collection that also flushes bytecode and drops type feedback, so every run after it starts half-cold:
 * measured here, a seed report then takes 3-7x as long and the 500 KB document 2-4x as long as in a
 * warmed-up process (the editor's situation, which is what we want to measure), and the slowdown differs
 * between the tools. (`gc({ type: 'major' })` is no way out: V8 11.3 runs a scavenge for it too.)
 * `--full-gc` uses the argument-less `gc()` anyway, to compare.
 */
let fullGcAlways = false;
const collectGarbage = (): void => {
  if (fullGcAlways) globalThis.gc?.();
  else globalThis.gc?.(true);
};

/**
 * One thing to time on a document. `prepare` runs untimed before each run and returns the timed part (so
 * a run can start from a fresh state that costs something to make, as "checks on a parsed document" needs).
 */
interface Task {
  readonly id: string;
  prepare(): () => number;
}

/**
 * Times the tasks on one document, in blocks of `doc.block` consecutive timed runs per task, the tasks
 * taking turns block by block (rotating which goes first). A task's first block starts with its
 * `doc.warmup` untimed runs, its later blocks with one, which also absorbs the garbage the task before it
 * left in the old generation.
 *
 * Why turns: on this 2-core VM the speed drifts by up to 2x for stretches of a second or so (more when
 * other processes are busy); taking turns makes such a stretch hit all tools alike instead of whichever
 * happened to be measured then. Why blocks rather than single runs in turn: switching tools on every run
 * (their code and data evicting each other's from the caches, and each run paying for the previous tool's
 * garbage) made markdownlint on 500 KB 2x slower and the seeds measurably slower than in a process that
 * runs one tool, as the editor does. The concatenated documents, whose runs are long enough to average
 * the drift out, use a single block per task.
 */
function measureInterleaved(doc: BenchDocument, tasks: readonly Task[]): Map<string, Timing> {
  const times = new Map<string, number[]>(tasks.map((t) => [t.id, []]));
  const outputs = new Map<string, number>();
  const record = (task: Task, timedRun: boolean): void => {
    const { elapsed, output } = runOnce(task);
    if (timedRun) times.get(task.id)!.push(elapsed);
    outputs.set(task.id, output);
  };
  for (let round = 0; round * doc.block < doc.runs; round++) {
    const count = Math.min(doc.block, doc.runs - round * doc.block);
    for (let k = 0; k < tasks.length; k++) {
      const task = tasks[(round + k) % tasks.length]!;
      for (let i = round === 0 ? doc.warmup : 1; i > 0; i--) record(task, false);
      for (let i = 0; i < count; i++) record(task, true);
    }
  }
  return new Map(tasks.map((t) => [t.id, { ...summarize(times.get(t.id)!), output: outputs.get(t.id)! }]));
}

/** One run: the untimed preparation, a garbage collection, then the timed part. */
function runOnce(task: Task): { elapsed: number; output: number } {
  const timed = task.prepare();
  collectGarbage();
  const start = performance.now();
  const output = timed();
  return { elapsed: performance.now() - start, output };
}

/** One task on its own: `warmup` untimed runs, then `runs` timed ones. */
function measureAlone(task: Task, warmup: number, runs: number): Timing {
  const times: number[] = [];
  let output = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const run = runOnce(task);
    if (i >= warmup) times.push(run.elapsed);
    output = run.output;
  }
  return { ...summarize(times), output };
}

function toolTask(tool: Tool, doc: BenchDocument): Task {
  return { id: tool.id, prepare: () => () => tool.run(doc) };
}

/** A second `analyze` on the same service, with another settings object: parse cached, checks rerun. */
function checksOnParsedTask(id: string, doc: BenchDocument, settings: AnalysisSettings): Task {
  return {
    id,
    prepare: () => {
      const service = createReportService();
      const document = createTextDocument(uriOf(doc), doc.text, 0);
      service.analyze(document);
      return () => service.analyze(document, { ...settings })?.diagnostics.length ?? -1;
    },
  };
}

/**
 * Typing in a document the engine has analysed before: every run replaces one character mid-document
 * (alternating between two, so each run is a new text) and analyses that next version on the warm service,
 * which parses again only the changed chapter block. The document object, with its line index, is made
 * untimed, as the editor already has it. Edits are cheap when incremental, so they are measured on their
 * own, with more runs than the cold analysis of the same document gets.
 */
function measureEdits(doc: BenchDocument): Timing {
  const uri = `file:///bench/${doc.name}-edited.md`;
  const edit = midDocumentEdit(doc.text);
  let editVersion = 0;
  service.analyze(createTextDocument(uri, doc.text, editVersion), coldSettings);
  const task: Task = {
    id: 'ours-edit',
    prepare: () => {
      editVersion++;
      const document = createTextDocument(uri, editedText(doc.text, edit, replacementFor(editVersion)), editVersion);
      return () => service.analyze(document, coldSettings)?.diagnostics.length ?? -1;
    },
  };
  const timing = doc.large ? measureAlone(task, 3, 15) : measureAlone(task, 20, 30);
  service.forget(uri);
  return timing;
}

// ---------------------------------------------------------------------------------------------------------
// Child processes: peak RSS, and cold runs in a process of the tool's own

type ChildTool = ToolId | 'baseline';

interface ChildReport {
  readonly maxRssKb: number;
  /** CPU time the child used, user + system, in microseconds. */
  readonly cpuMicros: number;
  readonly output: number;
  /** With `--timed <runs>`: the timed runs, in ms. */
  readonly timesMs: readonly number[];
}

/** Untimed runs of a tool on each seed before a timed child's runs: the JIT warm-up the in-process seeds give. */
const CHILD_SEED_WARMUP = 40;

/**
 * Untimed runs on the document itself in a timed child. The main process's runs of a document follow many
 * runs of the others; a child with only the document's own two warm-up runs timed 500 KB half-cold (ours
 * 172 ms there against 113 ms in the main process). A 5 MB run is long enough to warm up in one.
 */
const childWarmup = (doc: BenchDocument): number => (doc.bytes <= MIB ? 8 : doc.warmup);

/**
 * In the child: build the document, then run the tool once (nothing for `baseline`) and report the peak
 * RSS; or, with `timedRuns`, warm the tool up on the seeds and the document and time that many cold runs.
 */
function runChild(tool: ChildTool, docName: string, timedRuns: number | undefined): void {
  const doc = loadDocuments(false, docName)[0];
  if (!doc) throw new Error(`unknown document ${docName}`);
  let output = 0;
  const timesMs: number[] = [];
  if (tool !== 'baseline') {
    const found = TOOLS.find((t) => t.id === tool);
    if (!found) throw new Error(`unknown tool ${tool}`);
    if (timedRuns !== undefined) {
      for (const seed of loadDocuments(true).filter((d) => !d.large)) for (let i = 0; i < CHILD_SEED_WARMUP; i++) found.run(seed);
      const task = toolTask(found, doc);
      const warmup = childWarmup(doc);
      for (let i = 0; i < warmup + timedRuns; i++) {
        const run = runOnce(task);
        if (i >= warmup) timesMs.push(run.elapsed);
        output = run.output;
      }
    } else output = found.run(doc);
  }
  const usage = process.resourceUsage();
  const report: ChildReport = { maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime, output, timesMs };
  if (!process.send) throw new Error('--child needs an IPC channel (it is started by the benchmark itself)');
  process.send(report, () => process.exit(0));
}

/** CPU time used by the children, in microseconds. */
let childCpuMicros = 0;

function runInChild(tool: ChildTool, doc: BenchDocument, timedRuns?: number): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const script = path.resolve(process.argv[1]!);
    const args = ['--child', tool, doc.name, ...(timedRuns !== undefined ? ['--timed', String(timedRuns)] : [])];
    const child = fork(script, args, { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let report: ChildReport | undefined;
    child.on('message', (message) => {
      report = message as ChildReport;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && report) {
        childCpuMicros += report.cpuMicros;
        resolve(report);
      } else reject(new Error(`child (${tool}, ${doc.name}${timedRuns !== undefined ? ', timed' : ''}) failed: ${signal ?? `exit code ${code}`}${report ? '' : ', no report'}`));
    });
  });
}

async function peakRssMb(tool: ChildTool, doc: BenchDocument): Promise<number> {
  return (await runInChild(tool, doc)).maxRssKb / 1024;
}

/**
 * A large document's cold runs in warm processes that run only one tool, as an editor or a CI job does.
 * In the interleaved runs the three tools share one heap, and markdownlint and remark leave 500+ MB of
 * garbage at 5 MB that the next tool's runs pay for; this measures each tool without the others'. Each
 * process times one run, in rounds of one process per tool in turn (rotating which goes first), for the
 * reason the in-process runs take turns, only more so: the machine's speed swings for seconds at a time
 * (a pinned arithmetic loop took 391-528 ms from one start to the next), so a process runs all its runs
 * at one speed — ours at 500 KB ~100 ms in some processes, 165-190 ms in others, with the same code,
 * also under --predictable, a fixed --random-seed and --hash-seed, and without ASLR.
 */
async function timedInOwnProcesses(doc: BenchDocument): Promise<Map<ToolId, Timing>> {
  const times = new Map<ToolId, number[]>(TOOLS.map((t) => [t.id, []]));
  const outputs = new Map<ToolId, number>();
  for (let round = 0; round < doc.runs; round++) {
    for (let k = 0; k < TOOLS.length; k++) {
      const tool = TOOLS[(round + k) % TOOLS.length]!;
      const report = await runInChild(tool.id, doc, 1);
      times.get(tool.id)!.push(...report.timesMs);
      outputs.set(tool.id, report.output);
    }
  }
  return new Map(TOOLS.map((t) => [t.id, { ...summarize(times.get(t.id)!), output: outputs.get(t.id)! }]));
}

// ---------------------------------------------------------------------------------------------------------
// Report

interface ResultRow {
  tool: string;
  document: string;
  medianMs: number;
  minMs: number;
  runs: number;
  peakRssMb?: number;
}

interface Target {
  name: string;
  value: number;
  limit: number;
  unit: 'x' | 'ms' | 'MB';
  met: boolean;
}

/** Ours against the others on one document, of medians and of min times (the targets' measure). */
interface Ratios {
  document: string;
  vsMarkdownlint: number;
  vsRemark: number;
  minVsMarkdownlint: number;
  minVsRemark: number;
}

interface BenchReport {
  node: string;
  cpus: number;
  date: string;
  documents: { name: string; bytes: number }[];
  results: ResultRow[];
  /** The language server, through the protocol (lsp.ts). */
  lsp: LspRow[];
  ratios: Ratios[];
  /** The same for the large documents, of the runs in processes of one tool each (see `timedInOwnProcesses`). */
  ownProcessRatios: Ratios[];
  targets: Target[];
  /**
   * The share (0-1) of the machine's CPU capacity (wall time x cpus) that processes other than the
   * benchmark used while it ran; null where /proc/stat is missing. On a 2-core machine another busy process
   * easily doubles the times of the seeds: compare runs only when this is close to 0.
   */
  otherCpuShare: number | null;
  /** How garbage was collected before each run (see collectGarbage). */
  gc: string;
  /** Peak RSS of a child that only builds the document (Node, the loaded bundle and the text), per document. */
  baselineRssMb: { document: string; peakRssMb: number }[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const withUnit = (value: number, unit: Target['unit']): string => (unit === 'x' ? `${value.toFixed(2)}x` : `${unit === 'ms' ? ms(value) : value.toFixed(0)} ${unit}`);
const size = (bytes: number): string => (bytes >= MIB ? `${(bytes / MIB).toFixed(2)} MiB` : `${(bytes / KIB).toFixed(1)} KiB`);

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[]): string {
  // Every cell here is ASCII, so string length is display width.
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Ours against the others, of medians and of min times. */
function ratioTable(ratios: readonly Ratios[]): string {
  return table(
    ['document', 'ours / markdownlint', 'ours / remark', '(same, of min times)'],
    ratios.map((r) => [r.document, `${r.vsMarkdownlint.toFixed(2)}x`, `${r.vsRemark.toFixed(2)}x`, `${r.minVsMarkdownlint.toFixed(2)}x / ${r.minVsRemark.toFixed(2)}x`]),
    [1, 2, 3],
  );
}

function printReport(report: BenchReport, outputs: Map<string, string>): void {
  const out: string[] = [];
  const share = report.otherCpuShare;
  out.push(
    `Report Writer benchmark: node ${report.node}, ${report.cpus} CPUs, ${report.date}`,
    `GC between runs: ${report.gc}`,
    share === null
      ? 'CPU used by other processes: unknown (no /proc/stat)'
      : `CPU used by other processes during the run: ${(share * 100).toFixed(0)}% of the machine${share >= 0.05 ? ' (times are inflated and noisy: rerun on a quiet machine)' : ''}`,
    '',
  );
  out.push(table(['document', 'size', 'bytes'], report.documents.map((d) => [d.name, size(d.bytes), String(d.bytes)]), [1, 2]), '');
  const labels = new Map<string, string>(TOOLS.map((t) => [t.id, t.label]));
  labels.set('ours-checks', 'ours: checks on a parsed document');
  labels.set('ours-checks-always', '  same, reportDetection: always');
  labels.set('ours-edit', 'ours: 1 char edited mid-document (incremental)');
  for (const tool of TOOLS) labels.set(`${tool.id}${OWN_PROCESS}`, `  ${tool.id}, cold, in a warm process of its own`);
  out.push(
    table(
      ['document', 'tool', 'median ms', 'min ms', 'runs', 'peak RSS MB', 'output'],
      report.results.map((r) => [
        r.document,
        labels.get(r.tool) ?? r.tool,
        ms(r.medianMs),
        ms(r.minMs),
        String(r.runs),
        r.peakRssMb === undefined ? '' : r.peakRssMb.toFixed(0),
        outputs.get(`${r.tool}\u0000${r.document}`) ?? '',
      ]),
      [2, 3, 4, 5],
    ),
    '',
  );
  if (report.baselineRssMb.length > 0) {
    out.push(`Peak RSS of a child that only builds the document (no tool): ${report.baselineRssMb.map((b) => `${b.document} ${b.peakRssMb.toFixed(0)} MB`).join(', ')}`, '');
  }
  out.push(ratioTable(report.ratios), '');
  if (report.ownProcessRatios.length > 0) {
    out.push(
      'The large documents, each tool timed in a warm process of its own (no other tool\'s garbage in its heap):',
      ratioTable(report.ownProcessRatios),
      '',
    );
  }
  out.push(
    'Language server (node dist/server.js --stdio, reportDetection: always): one server process per document (per spawn for',
    'spawn -> initialize); peak RSS is the VmHWM of that process when the document is done. The client pulls diagnostics',
    'with the previous resultId, as VS Code does: an `unchanged` report carries no diagnostics (output says which kinds came).',
    table(
      ['document', 'request', 'median ms', 'min ms', 'runs', 'peak RSS MB', 'output'],
      report.lsp.map((r) => [
        r.document || '-',
        LSP_LABELS[r.scenario],
        ms(r.medianMs),
        ms(r.minMs),
        String(r.runs),
        r.peakRssMb === undefined ? '' : r.peakRssMb.toFixed(0),
        r.output,
      ]),
      [2, 3, 4, 5],
    ),
    '',
  );
  out.push('Targets:');
  for (const t of report.targets) out.push(`  [${t.met ? 'MET' : 'NOT MET'}] ${t.name}: ${withUnit(t.value, t.unit)} (limit ${withUnit(t.limit, t.unit)})`);
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------------------

/** CPU time all processes have used since boot (Linux: /proc/stat, in USER_HZ = 1/100 s), in seconds. */
function systemBusySeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user).
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return undefined;
  }
}

function otherCpuShare(busyAtStart: number | undefined, cpuAtStart: NodeJS.CpuUsage, wallSeconds: number): number | null {
  const busyAtEnd = systemBusySeconds();
  if (busyAtStart === undefined || busyAtEnd === undefined || wallSeconds <= 0) return null;
  const own = process.cpuUsage(cpuAtStart);
  const ownSeconds = (own.user + own.system + childCpuMicros) / 1e6;
  return round(Math.max(0, busyAtEnd - busyAtStart - ownSeconds) / (wallSeconds * os.cpus().length), 3);
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function runBenchmark(json: boolean, quick: boolean): Promise<void> {
  if (!globalThis.gc) progress('warning: run with node --expose-gc so that garbage is collected between runs');
  const docs = loadDocuments(quick);
  const results: ResultRow[] = [];
  const outputs = new Map<string, string>();
  const timings = new Map<string, Timing>();
  const started = performance.now();
  const busyAtStart = systemBusySeconds();
  const cpuAtStart = process.cpuUsage();

  for (const doc of docs) {
    const tasks = TOOLS.map((tool) => toolTask(tool, doc));
    // The concatenated documents have several `#` titles, so with the default `reportDetection: auto` the
    // engine decides they are not reports and runs no checks (0 diagnostics); report-500KB is one. At
    // 500 KB the checks are also timed as they would run on a report (`reportDetection: always`). At 5 MB
    // there are no "checks on a parsed document": the untimed parse before each run would cost too much.
    if (doc.bytes <= MIB) {
      tasks.push(checksOnParsedTask('ours-checks', doc, defaultSettings));
      if (doc.large) tasks.push(checksOnParsedTask('ours-checks-always', doc, { ...defaultSettings, reportDetection: 'always' }));
    }
    progress(`${doc.name}: ${tasks.map((t) => t.id).join(', ')}, ${doc.warmup} warm-up + ${doc.runs} timed runs each, in turns of ${doc.block}`);
    const measured = measureInterleaved(doc, tasks);
    // The last cold run's model is of no further use: it would only make the edit runs' heap bigger.
    service.forget(uriOf(doc));
    progress(`${doc.name}: ours-edit, one character changed per run`);
    measured.set('ours-edit', measureEdits(doc));
    for (const [id, timing] of measured) {
      timings.set(`${id}\u0000${doc.name}`, timing);
      results.push({ tool: id, document: doc.name, medianMs: round(timing.medianMs, 3), minMs: round(timing.minMs, 3), runs: timing.runs });
      const unit = TOOLS.find((t) => t.id === id)?.unit ?? 'diagnostics';
      outputs.set(`${id}\u0000${doc.name}`, `${timing.output} ${unit}`);
    }
  }

  const baselineRssMb: BenchReport['baselineRssMb'] = [];
  for (const doc of docs.filter((d) => d.large)) {
    progress(`peak RSS on ${doc.name} (one child process per tool)`);
    baselineRssMb.push({ document: doc.name, peakRssMb: round(await peakRssMb('baseline', doc), 1) });
    for (const tool of TOOLS) {
      const row = results.find((r) => r.tool === tool.id && r.document === doc.name)!;
      row.peakRssMb = round(await peakRssMb(tool.id, doc), 1);
    }
    progress(`${doc.name}: cold runs in warm processes of one tool, ${doc.runs} rounds of a process per tool in turn (${CHILD_SEED_WARMUP} runs per seed, ${childWarmup(doc)} warm-up + 1 timed run each)`);
    const ownProcess = await timedInOwnProcesses(doc);
    for (const tool of TOOLS) {
      const id = `${tool.id}${OWN_PROCESS}`;
      const timing = ownProcess.get(tool.id)!;
      timings.set(`${id}\u0000${doc.name}`, timing);
      results.push({ tool: id, document: doc.name, medianMs: round(timing.medianMs, 3), minMs: round(timing.minMs, 3), runs: timing.runs });
      outputs.set(`${id}\u0000${doc.name}`, `${timing.output} ${tool.unit}`);
    }
  }

  // The seeds concatenated once (~50 KB): a long report, but one an editor parses in a moment.
  const seedCycle = repeatedSeeds(docs.filter((d) => !d.large).map((d) => d.text), 1);
  const lspOnly = { name: 'concat-50KB', text: seedCycle, bytes: utf8Bytes(seedCycle) };
  const lsp = await measureLsp({ parsed: [docs[0]!, lspOnly], edited: docs.filter((d) => d.large) }, progress);
  childCpuMicros += lsp.cpuMicros;
  const lspRows = lsp.rows.map((r) => ({ ...r, medianMs: round(r.medianMs, 3), minMs: round(r.minMs, 3), peakRssMb: r.peakRssMb && round(r.peakRssMb, 1) }));

  const medianOf = (tool: string, doc: string): number => timings.get(`${tool}\u0000${doc}`)!.medianMs;
  // On min times: other processes can only add time, and on this 2-core machine they add enough to flip a
  // median-based verdict from one run to the next (markdownlint's median on a seed went from 5 to 16 ms).
  const minOfTool = (tool: string, doc: string): number => timings.get(`${tool}\u0000${doc}`)!.minMs;
  const ratiosOf = (suffix: string) => (d: BenchDocument): Ratios => ({
    document: d.name,
    vsMarkdownlint: round(medianOf(`ours${suffix}`, d.name) / medianOf(`markdownlint${suffix}`, d.name), 3),
    vsRemark: round(medianOf(`ours${suffix}`, d.name) / medianOf(`remark${suffix}`, d.name), 3),
    minVsMarkdownlint: round(minOfTool(`ours${suffix}`, d.name) / minOfTool(`markdownlint${suffix}`, d.name), 3),
    minVsRemark: round(minOfTool(`ours${suffix}`, d.name) / minOfTool(`remark${suffix}`, d.name), 3),
  });
  const ratios = docs.map(ratiosOf(''));
  const ownProcessRatios = docs.filter((d) => d.large).map(ratiosOf(OWN_PROCESS));
  const targets: Target[] = [];
  const target = (name: string, value: number | undefined, limit: number, unit: Target['unit']): void => {
    if (value !== undefined) targets.push({ name, value: round(value, 3), limit, unit, met: value <= limit });
  };
  for (const d of docs) {
    const limit = d.large ? 0.5 : 1.0;
    target(`cold analysis of ${d.name} <= ${limit.toFixed(1)}x markdownlint (min times)`, minOfTool('ours', d.name) / minOfTool('markdownlint', d.name), limit, 'x');
    if (d.large) {
      target(`cold analysis of ${d.name}, each tool in a warm process of its own, <= ${limit.toFixed(1)}x markdownlint (min times)`, minOfTool(`ours${OWN_PROCESS}`, d.name) / minOfTool(`markdownlint${OWN_PROCESS}`, d.name), limit, 'x');
    }
  }
  // The remaining targets are medians: what typing feels like, not the best case.
  const lspRow = (scenario: LspRow['scenario'], document: string): LspRow | undefined => lspRows.find((r) => r.scenario === scenario && r.document === document);
  target('1 char edited mid-document, in-process, concat-5MB (median)', timings.get('ours-edit\u0000concat-5MB')?.medianMs, 50, 'ms');
  target('LSP didChange 1 char -> diagnostics, concat-5MB (median)', lspRow('edited-diagnostics', 'concat-5MB')?.medianMs, 50, 'ms');
  target('LSP didChange 1 char on a diagnosed line -> full report, concat-5MB (median)', lspRow('changed-diagnostics', 'concat-5MB')?.medianMs, 50, 'ms');
  target('LSP spawn -> initialize result (median)', lspRow('spawn-initialize', '')?.medianMs, 300, 'ms');
  target('LSP diagnostics + symbols once parsed, concat-50KB, unchanged (median)', lspRow('parsed-requests', lspOnly.name)?.medianMs, 20, 'ms');
  target('LSP didChange 1 char -> diagnostics + symbols, concat-50KB (median)', lspRow('edited-requests', lspOnly.name)?.medianMs, 20, 'ms');
  // Every keystroke kind, on every large document: the bound of a 500 KB report, and "usable" at 5 MB.
  const keystrokes = ['edited-diagnostics', 'changed-diagnostics', 'paragraph-start-diagnostics', 'heading-start-diagnostics', 'list-start-diagnostics'] as const;
  for (const d of docs.filter((doc) => doc.large)) {
    const limit = d.bytes <= MIB ? 30 : 200;
    for (const scenario of keystrokes) target(`LSP ${LSP_LABELS[scenario]}, ${d.name} (median)`, lspRow(scenario, d.name)?.medianMs, limit, 'ms');
  }
  target('LSP server peak RSS after the concat-5MB scenario', lspRow('edited-diagnostics', 'concat-5MB')?.peakRssMb, 400, 'MB');
  target('ours (cold analysis, own process) peak RSS at concat-5MB', results.find((r) => r.tool === 'ours' && r.document === 'concat-5MB')?.peakRssMb, 400, 'MB');

  const report: BenchReport = {
    node: process.version,
    cpus: os.cpus().length,
    date: new Date().toISOString(),
    documents: [...docs, lspOnly].map((d) => ({ name: d.name, bytes: d.bytes })),
    results,
    lsp: lspRows,
    ratios,
    ownProcessRatios,
    targets,
    otherCpuShare: otherCpuShare(busyAtStart, cpuAtStart, (performance.now() - started) / 1000),
    gc: !globalThis.gc ? 'none (no --expose-gc)' : fullGcAlways ? 'full gc() before every run' : 'minor gc(true) before every run',
    baselineRssMb,
  };
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report, outputs);
}

function main(argv: readonly string[]): void {
  const childAt = argv.indexOf('--child');
  if (childAt >= 0) {
    const tool = argv[childAt + 1];
    const doc = argv[childAt + 2];
    const timedAt = argv.indexOf('--timed');
    const timedRuns = timedAt >= 0 ? Number(argv[timedAt + 1]) : undefined;
    if (!tool || !doc || (timedRuns !== undefined && !(timedRuns > 0))) throw new Error('usage: bench.js --child <tool> <document> [--timed <runs>]');
    runChild(tool as ChildTool, doc, timedRuns);
    return;
  }
  const known = new Set(['--json', '--quick', '--full-gc']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new Error(`unknown argument(s) ${unknown.join(' ')}; usage: bench.js [--json] [--quick] [--full-gc]`);
  fullGcAlways = argv.includes('--full-gc');
  runBenchmark(argv.includes('--json'), argv.includes('--quick')).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}
