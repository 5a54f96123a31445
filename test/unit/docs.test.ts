/**
 * The examples of docs/diagnostics.md and docs/schemas.md are the tool's real output. The convention is
 * described at the top of each page:
 *
 * - `<!-- file: NAME -->` before a code block: the block is an input file;
 * - a ```text block whose first line is `$ [NAME=value …] report-writer ARGS [2>&1] [| grep WORD]`: the
 *   rest of the block is what the command prints (stdout, then stderr with `2>&1`), where a line `…`
 *   stands for lines left out;
 * - `<!-- output of: COMMAND -->` before a code block: the same for a block that cannot hold the command
 *   (a JSON block, which is an excerpt: the keys and array items it shows, in order);
 * - `<!-- scorecard of: NAME -->` before a code block: the goal check's Markdown scorecard of that file.
 *
 * The test writes each page's input files into a folder of their own (beside a link to examples/), runs
 * the commands there with the command line (in-process, `run` of server/src/cli/run.ts, which the binary
 * calls) and no locale variable but the command's, and fails where a page shows something else than the
 * tool prints.
 *
 * Commands that differ only in their input files are answered by one run of the CLI with all their files
 * (its diagnostics lines of one file do not depend on the other files).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildGoalCheck, goalCheckMarkdown } from '../../server/src/core/index.js';
import { analyzeText, runCli } from './util.js';

type Kind = 'file' | 'output of' | 'scorecard of';

/** `<!-- kind: argument -->`, a line break (and a blank line at most), then a fenced code block. */
const marked = /^<!-- (file|output of|scorecard of): (.+?) -->\n\n?(`{3,})(\w*)\n([\s\S]*?)\n?^\3$/gm;
/** A text block that opens with the command it shows the output of. */
const transcript = /^(`{3,})text\n\$ (.+)\n([\s\S]*?)\n?^\1$/gm;

interface Block {
  kind: Kind;
  /** The file name, the command, or the file the scorecard is of. */
  argument: string;
  /** The fence's info string: `markdown`, `text`, `json`, `yaml`. */
  language: string;
  /** The block's content, without its final line break. */
  text: string;
  /** 1-based line where the example starts, for the test's name. */
  line: number;
}

function blocksOf(page: string): Block[] {
  const lineOf = (index: number) => page.slice(0, index).split('\n').length;
  const blocks: Block[] = [
    ...[...page.matchAll(marked)].map((m) => ({ kind: m[1] as Kind, argument: m[2]!, language: m[4]!, text: m[5]!, line: lineOf(m.index) })),
    ...[...page.matchAll(transcript)].map((m) => ({ kind: 'output of' as const, argument: m[2]!, language: 'text', text: m[3]!, line: lineOf(m.index) })),
  ];
  return blocks.sort((a, b) => a.line - b.line);
}

interface Command {
  env: Record<string, string>;
  /** The arguments after `report-writer`. */
  args: string[];
  /** The files and folders among them. */
  inputs: string[];
  /** `2>&1`: the output is stdout followed by stderr (the summary). */
  withStderr: boolean;
  /** `| grep WORD`: only the lines that contain WORD. */
  grep: string | undefined;
}

const optionsWithValue = new Set(['--format', '--schema', '--schemas', '--locale']);

/** `[NAME=value …] report-writer ARGS [2>&1] [| grep WORD]`, as the pages write a command. */
function parseCommand(command: string): Command {
  const [run, filter, ...rest] = command.split(' | ');
  assert.equal(rest.length, 0, `one | at most: ${command}`);
  const grep = filter === undefined ? undefined : /^grep (\S+)$/.exec(filter.trim())?.[1];
  assert.ok(filter === undefined || grep !== undefined, `only | grep WORD is understood: ${command}`);
  const words = run!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0]!)) {
    const word = words.shift()!;
    env[word.slice(0, word.indexOf('='))] = word.slice(word.indexOf('=') + 1);
  }
  assert.equal(words.shift(), 'report-writer', `a command starts with report-writer: ${command}`);
  const withStderr = words[words.length - 1] === '2>&1';
  if (withStderr) words.pop();
  const inputs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (optionsWithValue.has(word)) i++;
    else if (!word.startsWith('-') && word !== 'check') inputs.push(word);
  }
  return { env, args: words, inputs, withStderr, grep };
}

/** The diagnostics lines of one run can be shared by commands whose files differ. */
function shareable(command: Command): boolean {
  return !command.withStderr && !command.args.some((a) => a === '--goals' || a.startsWith('--format') || a.startsWith('--schemas'));
}

/** The file a diagnostics line (`path:line:col …`) is about. */
function pathOf(line: string): string | undefined {
  return /^(.+?):\d+:\d+ /.exec(line)?.[1];
}

/** The lines of an output, without the line break that ends the last. */
const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * Whether `shown` is `real`, where a line `…` of `shown` stands for lines left out (none or more): the
 * other lines must all be there, in order, and the first and last too unless a `…` stands before or after.
 */
function showsExcerptOf(shown: string[], real: string[]): boolean {
  const runs: string[][] = [[]];
  for (const line of shown) {
    if (line === '…') runs.push([]);
    else runs[runs.length - 1]!.push(line);
  }
  const matchesAt = (run: string[], at: number) => run.every((line, i) => real[at + i] === line);
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  if (runs.length === 1) return first.length === real.length && matchesAt(first, 0);
  if (!matchesAt(first, 0) || !matchesAt(last, real.length - last.length)) return false;
  let at = first.length;
  for (const run of runs.slice(1, -1)) {
    while (at + run.length <= real.length && !matchesAt(run, at)) at++;
    if (at + run.length > real.length) return false;
    at += run.length;
  }
  return at <= real.length - last.length;
}

/** How many of the values `shown` holds are the same in `real`. */
function agreement(shown: unknown, real: unknown): number {
  if (shown !== null && typeof shown === 'object' && real !== null && typeof real === 'object') {
    return Object.entries(shown).reduce((sum, [key, value]) => sum + agreement(value, (real as Record<string, unknown>)[key]), 0);
  }
  return shown === real ? 1 : 0;
}

/**
 * Whether the JSON a page shows is an excerpt of the real JSON: every key it shows with a value that is an
 * excerpt of the real one, every array's items among the real items, in order.
 */
function jsonExcerpt(shown: unknown, real: unknown, at = '$'): string | undefined {
  if (Array.isArray(shown)) {
    if (!Array.isArray(real)) return `${at} is not an array`;
    let next = 0;
    for (const [i, item] of shown.entries()) {
      const from = next;
      while (next < real.length && jsonExcerpt(item, real[next], `${at}[${next}]`) !== undefined) next++;
      if (next === real.length) {
        // Say what differs from the real item that agrees with it most, which is usually the one meant.
        const candidates = real.map((r, j) => ({ j, score: agreement(item, r) })).slice(from);
        const best = candidates.sort((a, b) => b.score - a.score)[0];
        const nearest = best ? jsonExcerpt(item, real[best.j], `${at}[${best.j}]`) : `${at} has no more items`;
        return `${at}[${i}] of the page is not among the real items (after the ones before it): ${nearest}`;
      }
      next++;
    }
    return undefined;
  }
  if (shown !== null && typeof shown === 'object') {
    if (real === null || typeof real !== 'object' || Array.isArray(real)) return `${at} is not an object`;
    for (const [key, value] of Object.entries(shown)) {
      if (!(key in real)) return `${at}.${key} is not in the real output`;
      const problem = jsonExcerpt(value, (real as Record<string, unknown>)[key], `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  }
  return shown === real ? undefined : `${at} is ${JSON.stringify(real)}, not ${JSON.stringify(shown)}`;
}

for (const page of ['docs/diagnostics.md', 'docs/schemas.md']) {
  describe(`docs: the examples of ${page} are the real output`, () => {
    const text = fs.readFileSync(path.join(process.cwd(), page), 'utf8');
    const blocks = blocksOf(text);
    const files = blocks.filter((b) => b.kind === 'file');
    const commands = new Map(blocks.filter((b) => b.kind === 'output of').map((b) => [b, parseCommand(b.argument)]));
    let folder: string;
    /** The output of each command, once the runs are done. */
    const outputs = new Map<Block, string>();

    before(async function () {
      this.timeout(60_000);
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-docs-'));
      for (const file of files) {
        fs.mkdirSync(path.dirname(path.join(folder, file.argument)), { recursive: true });
        fs.writeFileSync(path.join(folder, file.argument), `${file.text}\n`);
      }
      fs.symlinkSync(path.join(process.cwd(), 'examples'), path.join(folder, 'examples'), 'dir');

      // One run per set of options of the shareable commands, with all their files; one per other command.
      const shared = new Map<string, { env: Record<string, string>; options: string[]; inputs: Set<string>; blocks: Block[] }>();
      for (const [block, command] of commands) {
        if (!shareable(command)) {
          const o = await runCli(command.args, command.env, folder);
          outputs.set(block, command.withStderr ? o.stdout + o.stderr : o.stdout);
          continue;
        }
        const options = command.args.filter((a) => !command.inputs.includes(a));
        const key = JSON.stringify([command.env, options]);
        const run = shared.get(key) ?? { env: command.env, options, inputs: new Set<string>(), blocks: [] };
        command.inputs.forEach((input) => run.inputs.add(input));
        run.blocks.push(block);
        shared.set(key, run);
      }
      for (const run of shared.values()) {
        const all = lines((await runCli([...run.options, ...run.inputs], run.env, folder)).stdout);
        for (const block of run.blocks) {
          const { inputs } = commands.get(block)!;
          const own = inputs.flatMap((input) => all.filter((l) => {
            const file = pathOf(l);
            return file === input || file?.startsWith(`${input.replace(/\/$/, '')}/`);
          }));
          outputs.set(block, own.map((l) => `${l}\n`).join(''));
        }
      }
    });

    after(() => {
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    });

    it('marks its examples in the form the test reads', () => {
      const marks = text.split('\n').filter((l) => /^<!--\s*(?:file|output|scorecard)\b/.test(l));
      const read = [...text.matchAll(marked)].length;
      assert.equal(read, marks.length, `a marking comment is not followed by a code block, or is misspelt:\n${marks.join('\n')}`);
      assert.ok(commands.size >= 3, `${page} has ${commands.size} marked outputs`);
      const names = new Set(files.map((f) => f.argument));
      for (const block of blocks.filter((b) => b.kind === 'scorecard of')) assert.ok(names.has(block.argument), `no file ${block.argument} on the page`);
    });

    for (const block of blocks.filter((b) => b.kind !== 'file')) {
      it(`line ${block.line}: ${block.kind === 'output of' ? '$' : block.kind} ${block.argument}`, () => {
        if (block.kind === 'scorecard of') {
          const file = files.find((f) => f.argument === block.argument)!;
          const analysis = analyzeText(`${file.text}\n`, pathToFileURL(path.join(folder, file.argument)).href);
          assert.equal(goalCheckMarkdown(buildGoalCheck(analysis), analysis.language), `${block.text}\n`);
          return;
        }
        const command = commands.get(block)!;
        const output = outputs.get(block)!;
        if (block.language === 'json') {
          const problem = jsonExcerpt(JSON.parse(block.text), JSON.parse(output));
          assert.equal(problem, undefined, `${problem}\nThe real output:\n${output}`);
          return;
        }
        const real = lines(output).filter((l) => command.grep === undefined || l.includes(command.grep));
        const shown = block.text.split('\n');
        if (shown.includes('…')) assert.ok(showsExcerptOf(shown, real), `The page shows:\n${block.text}\n\nThe real output:\n${real.join('\n')}`);
        else assert.equal(real.join('\n'), block.text);
      });
    }
  });
}
