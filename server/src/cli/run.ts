import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../../package.json' with { type: 'json' };
import { exportCommand, isExportCommand, type OutputStream } from './export.js';
import { collectFiles, looksBinary } from './files.js';
import { fileResult, formatGoals, formatText, inert, skippedResult, type CheckOutput, type FileResult, type SchemaProblemResult } from './format.js';
import {
  createBuiltinRegistry,
  createReportService,
  createTextDocument,
  defaultSettings,
  describeSchemaProblem,
  localize,
  reportLanguage,
  toLocale,
  type Locale,
  type ReportService,
  type SchemaProblem,
} from '../core/index.js';
import { describeError, readSchemaFile, schemaSourcesFor } from '../schemaFiles.js';

const maxFileMegabytes = 20;

/** Where the command line writes, and the environment whose locale variables it reads. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** LC_ALL, LC_MESSAGES and LANG are read from here. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

interface Options {
  format: 'text' | 'json';
  /** Print each report's goals against its outcomes after the diagnostics (text format). */
  goals: boolean;
  schema: string;
  schemaPaths: string[];
  /** `--locale`; undefined when not given. */
  locale: Locale | undefined;
  inputs: string[];
}

/** A message written once its language is known: the arguments are read to their end first. */
type Message = (locale: Locale) => string;

interface Command {
  action: 'check' | 'help' | 'version';
  options: Options;
  /** The first thing wrong with the arguments; `--help` and `--version` are answered even so. */
  problem: Message | undefined;
}

/**
 * Reads the arguments to their end, so that `--help`, `--version` and `--locale` count wherever they
 * stand (`--locale zh-cn --help` gives the Chinese usage); options may also come before the command.
 */
function parseArguments(args: readonly string[]): Command {
  const options: Options = { format: 'text', goals: false, schema: 'auto', schemaPaths: [], locale: undefined, inputs: [] };
  let asked: 'help' | 'version' | undefined;
  let command: string | undefined;
  let problem: Message | undefined;
  const fail = (key: string, values: Record<string, string> = {}) => {
    problem ??= (locale) => localize(locale, key, values);
  };
  const rest = [...args];
  const value = (option: string): string | undefined => {
    if (rest[0] !== undefined && !rest[0].startsWith('--')) return rest.shift();
    fail('cli.missingValue', { option });
    return undefined;
  };
  while (rest.length) {
    const arg = rest.shift()!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(name);
    switch (name) {
      case '-h':
      case '--help':
        asked ??= 'help';
        break;
      case '-v':
      case '--version':
        asked ??= 'version';
        break;
      case '--format': {
        const format = take();
        if (format === 'text' || format === 'json') options.format = format;
        else if (format !== undefined) fail('cli.badFormat', { value: format });
        break;
      }
      case '--goals':
        options.goals = true;
        break;
      case '--schema':
        options.schema = take() ?? options.schema;
        break;
      case '--schemas': {
        const location = take();
        if (location !== undefined) options.schemaPaths.push(location);
        break;
      }
      case '--locale': {
        const tag = take();
        if (tag !== undefined && /^(en|zh-cn)$/i.test(tag)) options.locale = toLocale(tag);
        else if (tag !== undefined) fail('cli.badLocale', { value: tag });
        break;
      }
      default:
        if (name.startsWith('-') && name !== '-') fail('cli.unknownOption', { option: name });
        else if (command !== undefined) options.inputs.push(arg);
        else {
          command = arg;
          if (command !== 'check') fail('cli.unknownCommand', { command });
        }
    }
  }
  if (args.length === 0) return { action: 'help', options, problem };
  if (command === undefined) fail('cli.noCommand');
  else if (options.inputs.length === 0) fail('cli.noInput');
  return { action: asked ?? 'check', options, problem };
}

function cannotRead(location: string, error: unknown): Message {
  return (locale) => localize(locale, 'cli.unreadable', { path: location, reason: describeError(error, locale) });
}

/** One report service per set of schema files, so files of different workspaces get their own schemas. */
class Services {
  private readonly services = new Map<string, ReportService>();
  private readonly problems: { path: string; text: string; problem: SchemaProblem }[] = [];
  /** Schema files that could not be read, each once. */
  readonly unreadable: { path: string; error: unknown }[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly extra: readonly string[]) {}

  private noteUnreadable(location: string, error: unknown): void {
    if (!this.unreadable.some((u) => u.path === location)) this.unreadable.push({ path: location, error });
  }

  forFile(file: string): ReportService {
    // The same rule as the editor's (schemaFiles.ts), with no workspace folder to stop at.
    const { sources, unreadable } = schemaSourcesFor(file, { extra: this.extra });
    for (const { path: location, error } of unreadable) this.noteUnreadable(location, error);
    const key = sources.map((s) => s.file).join('\n');
    let service = this.services.get(key);
    if (!service) {
      const registry = createBuiltinRegistry();
      const texts = new Map<string, string>();
      for (const source of sources) {
        let text: string;
        try {
          text = readSchemaFile(source);
        } catch (error) {
          this.noteUnreadable(source.file, error);
          continue;
        }
        texts.set(source.file, text);
        registry.set(source.file, text);
      }
      for (const problem of registry.problems()) {
        const text = texts.get(problem.source);
        const id = `${problem.source}:${problem.start}:${problem.key}`;
        if (text === undefined || this.reported.has(id)) continue;
        this.reported.add(id);
        this.problems.push({ path: path.relative(process.cwd(), problem.source) || problem.source, text, problem });
      }
      service = createReportService({ registry });
      this.services.set(key, service);
    }
    return service;
  }

  /** The problems found in the schema files read so far, each once, written in `locale`. */
  describeProblems(locale: Locale): SchemaProblemResult[] {
    return this.problems.map(({ path: source, text, problem }) => ({ path: source, ...describeSchemaProblem(problem, text, locale) }));
  }
}

/**
 * The language LC_ALL, LC_MESSAGES or LANG names (the first of them set, as POSIX reads them); undefined
 * when it names none: unset, `C`, `C.UTF-8` or `POSIX`.
 */
function environmentLocale(env: CliIo['env']): Locale | undefined {
  const name = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return name && !/^(?:C|POSIX)(?:[.@]|$)/i.test(name) ? toLocale(name) : undefined;
}

/** A file's bytes; or why it is skipped (too large, binary), with its note; or why it cannot be read. */
function readInput(file: string): { bytes: Buffer } | { skipped: FileResult; note: Message } | { unreadable: Message } {
  let bytes: Buffer;
  try {
    // Stat first: a device (/dev/zero) or a huge file is never read into memory.
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw Object.assign(new Error(`ENOTREG: ${file}`), { code: 'ENOTREG' });
    if (stat.size > maxFileMegabytes * 1024 * 1024) {
      const size = (stat.size / 1024 / 1024).toFixed(1);
      return { skipped: skippedResult(file, 'too-large'), note: (locale) => localize(locale, 'cli.tooLarge', { path: file, size, limit: maxFileMegabytes }) };
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { unreadable: cannotRead(file, error) };
  }
  if (looksBinary(bytes)) return { skipped: skippedResult(file, 'binary'), note: (locale) => localize(locale, 'cli.binary', { path: file }) };
  return { bytes };
}

/**
 * Messages are in the language of `--locale`, else of the environment. When neither names one, each
 * report's messages are in the language the report is written in; the rest (usage errors before any
 * report is read, notes about files, the summary) in the language all the reports share, else English.
 */
function check(argv: readonly string[], io: CliIo): number {
  const { action, options, problem } = parseArguments(argv);
  const chosen = options.locale ?? environmentLocale(io.env);
  const usageLocale = chosen ?? 'en';
  if (action === 'help') {
    io.stdout.write(`${localize(usageLocale, 'cli.usage')}\n`);
    return 0;
  }
  if (action === 'version') {
    io.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  let usageProblem = problem;
  for (const schemaPath of options.schemaPaths) {
    try {
      fs.statSync(schemaPath);
    } catch (error) {
      usageProblem ??= cannotRead(schemaPath, error);
    }
  }
  if (usageProblem) {
    io.stderr.write(`report-writer: ${inert(usageProblem(usageLocale))}\n\n${localize(usageLocale, 'cli.usage')}\n`);
    return 2;
  }

  const { files, unreadable, empty } = collectFiles(options.inputs);
  const notes: Message[] = [
    ...unreadable.map(({ path: p, error }) => cannotRead(p, error)),
    ...empty.map((p): Message => (locale) => localize(locale, 'cli.noMarkdown', { path: p })),
  ];
  let failed = unreadable.length > 0;

  const services = new Services(options.schemaPaths);
  const serviceOf = new Map(files.map((file) => [file, services.forFile(file)]));
  failed ||= services.unreadable.length > 0;
  notes.push(...services.unreadable.map(({ path: p, error }) => cannotRead(p, error)));
  const lacking = [...serviceOf.values()].find((s) => options.schema !== 'auto' && !s.registry.get(options.schema));
  if (lacking) {
    for (const note of notes) io.stderr.write(`report-writer: ${inert(note(usageLocale))}\n`);
    io.stderr.write(`report-writer: ${inert(localize(usageLocale, 'cli.unknownSchema', { id: options.schema, known: lacking.registry.ids().join(', ') }))}\n`);
    return 2;
  }

  const settings = { ...defaultSettings, schema: options.schema };
  const results: FileResult[] = [];
  const languages = new Map<FileResult, Locale>();
  let internal = false;
  for (const file of files) {
    const input = readInput(file);
    if ('unreadable' in input) {
      failed = true;
      notes.push(input.unreadable);
      continue;
    }
    if ('skipped' in input) {
      notes.push(input.note);
      results.push(input.skipped);
      continue;
    }
    const { bytes } = input;
    try {
      const document = createTextDocument(pathToFileURL(path.resolve(file)).href, bytes.toString('utf8'));
      const service = serviceOf.get(file)!;
      const language = chosen ?? reportLanguage(service.getModel(document), 'en');
      const result = fileResult(file, document, service.analyze(document, { ...settings, locale: language })!);
      languages.set(result, language);
      results.push(result);
    } catch (error) {
      // A bug of ours, not a problem of the report: said apart from "errors found", with where it happened.
      internal = true;
      notes.push(internalError(file, error));
    }
  }
  const reportLanguages = new Set(results.filter((r) => r.isReport).map((r) => languages.get(r)!));
  const locale = chosen ?? (reportLanguages.size === 1 ? [...reportLanguages][0]! : 'en');
  for (const note of notes) io.stderr.write(`report-writer: ${inert(note(locale))}\n`);

  const output: CheckOutput = { version: 1, files: results, schemaProblems: services.describeProblems(locale) };
  const errors = writeOutput(output, options, languages, locale, io);
  if (internal) return 3;
  if (failed) return 2;
  return errors > 0 ? 1 : 0;
}

/**
 * Writes the results to stdout (as JSON, or as text lines with the summary on stderr); returns how many
 * errors they hold, schema problems included.
 */
function writeOutput(output: CheckOutput, options: Options, languages: ReadonlyMap<FileResult, Locale>, locale: Locale, io: CliIo): number {
  const all = output.files.flatMap((f) => f.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length + output.schemaProblems.length;
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return errors;
  }
  const lines = [
    ...output.schemaProblems.map((p) => localize(locale, 'cli.schemaProblem', { ...p })),
    ...formatText(output),
    ...(options.goals ? formatGoals(output, (file) => languages.get(file) ?? locale) : []),
  ];
  if (lines.length) io.stdout.write(`${lines.map(inert).join('\n')}\n`);
  const warnings = all.filter((d) => d.severity === 'warning').length;
  io.stderr.write(`${localize(locale, 'cli.summary', {
    files: output.files.length,
    reports: output.files.filter((f) => f.isReport).length,
    errors,
    warnings,
    others: all.length - warnings - (errors - output.schemaProblems.length),
  })}\n`);
  return errors;
}

/** An exception of the tool's own, with the file it was checking and the first frames of the stack. */
function internalError(where: string, error: unknown): Message {
  const detail = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
  return (locale) => localize(locale, 'cli.internal', { path: where, detail });
}

/**
 * Runs the command line `argv` (the arguments after the program's name) and resolves to its exit status:
 * 0 no error, 1 errors found (or, for export, stopped by placeholders), 2 usage errors and what cannot be
 * read, 3 a failure of the tool itself. It writes only to `io`, reads the locale variables only from
 * `io.env`, and takes relative paths from the process's working folder. The `report-writer` binary
 * (cli.ts) is this function called with the process's streams and environment; the tests call it in-process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Exit status 3: the tool failed, apart from 1 (errors found or not exported) and 2 (usage, unreadable files).
  const internalFailure = (error: unknown): number => {
    io.stderr.write(`report-writer: ${inert(internalError(process.cwd(), error)('en'))}\n`);
    return 3;
  };
  try {
    if (!isExportCommand(argv)) return check(argv, io);
    const serviceFor = (schemaPaths: readonly string[], file: string) => {
      const services = new Services(schemaPaths);
      return { service: services.forFile(file), unreadable: services.unreadable };
    };
    return await exportCommand(argv, { serviceFor, environmentLocale: environmentLocale(io.env), stdout: io.stdout, stderr: io.stderr });
  } catch (error) {
    return internalFailure(error);
  }
}
