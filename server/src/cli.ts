import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import { collectFiles, describeError, findSchemaFolder, looksBinary, schemaFiles } from './cli/files.js';
import { fileResult, formatGoals, formatText, skippedResult, type CheckOutput, type SchemaProblemResult } from './cli/format.js';
import {
  createBuiltinRegistry,
  createReportService,
  createTextDocument,
  defaultSettings,
  describeSchemaProblem,
  localize,
  toLocale,
  type Locale,
  type ReportService,
} from './core/index.js';

const maxFileMegabytes = 20;

interface Options {
  format: 'text' | 'json';
  /** Print each report's goals against its outcomes after the diagnostics (text format). */
  goals: boolean;
  schema: string;
  schemaPaths: string[];
  locale: Locale;
  inputs: string[];
}

class UsageError extends Error {}

function parseArguments(args: readonly string[], locale: Locale): Options | 'help' | 'version' {
  const options: Options = { format: 'text', goals: false, schema: 'auto', schemaPaths: [], locale, inputs: [] };
  const rest = [...args];
  const command = rest.shift();
  if (command === undefined || command === '-h' || command === '--help') return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command !== 'check') throw new UsageError(localize(locale, 'cli.unknownCommand', { command }));
  const value = (option: string): string => {
    const next = rest.shift();
    if (next === undefined || next.startsWith('--')) throw new UsageError(localize(options.locale, 'cli.missingValue', { option }));
    return next;
  };
  while (rest.length) {
    const arg = rest.shift()!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(name);
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const format = take();
        if (format !== 'text' && format !== 'json') throw new UsageError(localize(options.locale, 'cli.badFormat', { value: format }));
        options.format = format;
        break;
      }
      case '--goals':
        options.goals = true;
        break;
      case '--schema':
        options.schema = take();
        break;
      case '--schemas':
        options.schemaPaths.push(take());
        break;
      case '--locale': {
        const tag = take();
        if (!/^(en|zh-cn)$/i.test(tag)) throw new UsageError(localize(options.locale, 'cli.badLocale', { value: tag }));
        options.locale = toLocale(tag);
        break;
      }
      default:
        if (name.startsWith('-') && name !== '-') throw new UsageError(localize(options.locale, 'cli.unknownOption', { option: name }));
        options.inputs.push(arg);
    }
  }
  if (options.inputs.length === 0) throw new UsageError(localize(options.locale, 'cli.noInput'));
  return options;
}

/** One report service per set of schema files, so files of different workspaces get their own schemas. */
class Services {
  private readonly services = new Map<string, ReportService>();
  readonly problems: SchemaProblemResult[] = [];
  /** Schema files that could not be read, each once. */
  readonly unreadable: { path: string; error: unknown }[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly extra: readonly string[], private readonly locale: Locale) {}

  forFile(file: string): ReportService {
    const folder = findSchemaFolder(file);
    const sources = [...this.extra.flatMap(schemaFiles), ...(folder ? schemaFiles(folder) : [])];
    const key = sources.join('\n');
    let service = this.services.get(key);
    if (!service) {
      const registry = createBuiltinRegistry();
      const texts = new Map<string, string>();
      for (const source of sources) {
        let text: string;
        try {
          text = fs.readFileSync(source, 'utf8');
        } catch (error) {
          if (!this.unreadable.some((u) => u.path === source)) this.unreadable.push({ path: source, error });
          continue;
        }
        texts.set(source, text);
        registry.set(source, text);
      }
      for (const problem of registry.problems()) {
        const text = texts.get(problem.source);
        const id = `${problem.source}:${problem.start}:${problem.key}`;
        if (text === undefined || this.reported.has(id)) continue;
        this.reported.add(id);
        const { line, column, message } = describeSchemaProblem(problem, text, this.locale);
        this.problems.push({ path: path.relative(process.cwd(), problem.source) || problem.source, line, column, message });
      }
      service = createReportService({ registry });
      this.services.set(key, service);
    }
    return service;
  }
}

function environmentLocale(): Locale {
  return toLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

function main(argv: readonly string[]): number {
  let locale = environmentLocale();
  let options: Options;
  try {
    const parsed = parseArguments(argv, locale);
    if (parsed === 'help') {
      process.stdout.write(`${localize(locale, 'cli.usage')}\n`);
      return 0;
    }
    if (parsed === 'version') {
      process.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    options = parsed;
    locale = options.locale;
    for (const schemaPath of options.schemaPaths) fs.statSync(schemaPath);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error as NodeJS.ErrnoException).code) throw error;
    const message = error instanceof UsageError ? error.message : localize(locale, 'cli.unreadable', { path: (error as NodeJS.ErrnoException).path ?? '', reason: describeError(error, locale) });
    process.stderr.write(`report-writer: ${message}\n\n${localize(locale, 'cli.usage')}\n`);
    return 2;
  }

  const { files, unreadable, empty } = collectFiles(options.inputs);
  let failed = unreadable.length > 0;
  for (const { path: p, error } of unreadable) process.stderr.write(`report-writer: ${localize(locale, 'cli.unreadable', { path: p, reason: describeError(error, locale) })}\n`);
  for (const p of empty) process.stderr.write(`report-writer: ${localize(locale, 'cli.noMarkdown', { path: p })}\n`);

  const services = new Services(options.schemaPaths, locale);
  const serviceOf = new Map(files.map((file) => [file, services.forFile(file)]));
  failed ||= services.unreadable.length > 0;
  for (const { path: p, error } of services.unreadable) process.stderr.write(`report-writer: ${localize(locale, 'cli.unreadable', { path: p, reason: describeError(error, locale) })}\n`);
  const lacking = [...serviceOf.values()].find((s) => options.schema !== 'auto' && !s.registry.get(options.schema));
  if (lacking) {
    process.stderr.write(`report-writer: ${localize(locale, 'cli.unknownSchema', { id: options.schema, known: lacking.registry.ids().join(', ') })}\n`);
    return 2;
  }

  const settings = { ...defaultSettings, locale, schema: options.schema };
  const output: CheckOutput = { version: 1, files: [], schemaProblems: services.problems };
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      failed = true;
      process.stderr.write(`report-writer: ${localize(locale, 'cli.unreadable', { path: file, reason: describeError(error, locale) })}\n`);
      continue;
    }
    if (looksBinary(bytes)) {
      process.stderr.write(`report-writer: ${localize(locale, 'cli.binary', { path: file })}\n`);
      output.files.push(skippedResult(file, 'binary'));
      continue;
    }
    if (bytes.length > maxFileMegabytes * 1024 * 1024) {
      const size = (bytes.length / 1024 / 1024).toFixed(1);
      process.stderr.write(`report-writer: ${localize(locale, 'cli.tooLarge', { path: file, size, limit: maxFileMegabytes })}\n`);
      output.files.push(skippedResult(file, 'too-large'));
      continue;
    }
    const document = createTextDocument(pathToFileURL(path.resolve(file)).href, bytes.toString('utf8'));
    const analysis = serviceOf.get(file)!.analyze(document, settings)!;
    output.files.push(fileResult(file, document, analysis));
  }

  const all = output.files.flatMap((f) => f.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length + output.schemaProblems.length;
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const lines = [
      ...output.schemaProblems.map((p) => localize(locale, 'cli.schemaProblem', { ...p })),
      ...formatText(output),
      ...(options.goals ? formatGoals(output, locale) : []),
    ];
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    const warnings = all.filter((d) => d.severity === 'warning').length;
    process.stderr.write(`${localize(locale, 'cli.summary', {
      files: output.files.length,
      reports: output.files.filter((f) => f.isReport).length,
      errors,
      warnings,
      others: all.length - warnings - (errors - output.schemaProblems.length),
    })}\n`);
  }
  if (failed) return 2;
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
