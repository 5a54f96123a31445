import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTextDocument, defaultSettings, LineIndex, localize, reportLanguage, toLocale, type Locale, type ReportService } from '../core/index.js';
import { defaultExportPath, reportImageReader } from '../exportFiles.js';
import { describeError } from '../schemaFiles.js';

/** Options that take a value: `--out x.docx`, or `--out=x.docx`. */
const valueOptions = new Set(['--out', '--template', '--schema', '--schemas', '--locale', '--format']);

/** Whether the command line asks for `export`: its first argument that is neither an option nor an option's value. */
export function isExportCommand(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    if (valueOptions.has(args[i]!)) i++;
    else if (!args[i]!.startsWith('-')) return args[i] === 'export';
  }
  return false;
}

interface ExportArguments {
  help: boolean;
  out: string | undefined;
  template: string | undefined;
  allowPlaceholders: boolean;
  withScorecard: boolean;
  schema: string;
  schemaPaths: string[];
  locale: Locale | undefined;
  inputs: string[];
  /** The first thing wrong with the arguments, as a message key and its values. */
  problem: { key: string; values: Record<string, string | number> } | undefined;
}

function parseExportArguments(args: readonly string[]): ExportArguments {
  const parsed: ExportArguments = { help: false, out: undefined, template: undefined, allowPlaceholders: false, withScorecard: false, schema: 'auto', schemaPaths: [], locale: undefined, inputs: [], problem: undefined };
  const fail = (key: string, values: Record<string, string | number> = {}) => (parsed.problem ??= { key, values });
  const rest = args.filter((a, i) => !(a === 'export' && args.indexOf('export') === i));
  while (rest.length) {
    const arg = rest.shift()!;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const value = (): string | undefined => {
      if (equals > 0) return arg.slice(equals + 1);
      if (rest[0] !== undefined && !rest[0].startsWith('--')) return rest.shift();
      fail('cli.missingValue', { option: name });
      return undefined;
    };
    if (name === '-h' || name === '--help') parsed.help = true;
    else if (name === '--allow-placeholders') parsed.allowPlaceholders = true;
    else if (name === '--with-scorecard') parsed.withScorecard = true;
    else if (name === '--out') parsed.out = value();
    else if (name === '--template') parsed.template = value();
    else if (name === '--schema') parsed.schema = value() ?? parsed.schema;
    else if (name === '--schemas') parsed.schemaPaths.push(...[value()].filter((v) => v !== undefined));
    else if (name === '--locale') {
      const tag = value();
      if (tag !== undefined && /^(en|zh-cn)$/i.test(tag)) parsed.locale = toLocale(tag);
      else if (tag !== undefined) fail('cli.badLocale', { value: tag });
    } else if (name.startsWith('-') && name !== '-') fail('cli.unknownOption', { option: name });
    else parsed.inputs.push(arg);
  }
  if (!parsed.problem && parsed.inputs.length !== 1) fail(parsed.inputs.length ? 'cli.export.oneReport' : 'cli.noInput', { count: parsed.inputs.length });
  return parsed;
}

/** Where a command writes: process.stdout and process.stderr, or a test's buffers. */
export interface OutputStream {
  write(text: string): unknown;
}

export interface ExportHost {
  /** The report service for a file, with the schemas of its workspace and of `--schemas`. */
  readonly serviceFor: (schemaPaths: readonly string[], file: string) => { service: ReportService; unreadable: readonly { path: string; error: unknown }[] };
  /** The language the environment asks for (LC_ALL, LC_MESSAGES, LANG), if any. */
  readonly environmentLocale: Locale | undefined;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/**
 * `report-writer export [--template FILE] [--out FILE] [--allow-placeholders] [--with-scorecard] <report.md>`.
 * Exit status: 0 written, 1 stopped by placeholders left in the report, 2 anything else that went wrong.
 */
export async function exportCommand(args: readonly string[], host: ExportHost): Promise<number> {
  const options = parseExportArguments(args);
  const chosen = options.locale ?? host.environmentLocale;
  const usageLocale = chosen ?? 'en';
  const note = (message: string) => host.stderr.write(`report-writer: ${message}\n`);
  if (options.help) {
    host.stdout.write(`${localize(usageLocale, 'cli.export.usage')}\n`);
    return 0;
  }
  if (options.problem) {
    host.stderr.write(`report-writer: ${localize(usageLocale, options.problem.key, options.problem.values)}\n\n${localize(usageLocale, 'cli.export.usage')}\n`);
    return 2;
  }
  const file = options.inputs[0]!;
  const cannotRead = (location: string, reason: unknown, locale: Locale) => note(localize(locale, 'cli.unreadable', { path: location, reason: describeError(reason, locale) }));
  let text: string;
  let template: Uint8Array | undefined;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (reason) {
    cannotRead(file, reason, usageLocale);
    return 2;
  }
  const { service, unreadable } = host.serviceFor(options.schemaPaths, file);
  const document = createTextDocument(pathToFileURL(path.resolve(file)).href, text);
  const locale = chosen ?? reportLanguage(service.getModel(document), 'en');
  for (const { path: location, error: reason } of unreadable) cannotRead(location, reason, locale);
  if (unreadable.length) return 2;
  if (options.template !== undefined) {
    try {
      template = fs.readFileSync(options.template);
    } catch (reason) {
      cannotRead(options.template, reason, locale);
      return 2;
    }
  }
  const analysis = service.analyze(document, { ...defaultSettings, schema: options.schema, locale })!;
  const { ExportError, exportBlockers, exportDocx } = await import('../core/export/index.js');
  const blockers = exportBlockers(analysis);
  const stopped = blockers.placeholders.length > 0 && !options.allowPlaceholders;
  if (stopped) {
    const lines = new LineIndex(text);
    for (const placeholder of blockers.placeholders) {
      const position = lines.positionAt(placeholder.start);
      note(localize(locale, 'cli.export.placeholder', { path: file, line: position.line + 1, column: position.character + 1, text: placeholder.text }));
    }
  }
  if (blockers.missingChapters.length) note(localize(locale, 'cli.export.missingChapters', { titles: blockers.missingChapters.join(locale === 'zh-cn' ? '、' : ', ') }));
  if (stopped) {
    note(localize(locale, 'cli.export.blocked', { count: blockers.placeholders.length }));
    return 1;
  }
  const out = options.out ?? defaultExportPath(file);
  try {
    fs.writeFileSync(out, await exportDocx(analysis, { template, withScorecard: options.withScorecard, readImage: reportImageReader(file) }));
  } catch (reason) {
    note(localize(locale, 'cli.export.failed', { path: out, reason: reason instanceof ExportError ? reason.describe(locale) : describeError(reason, locale) }));
    return 2;
  }
  host.stdout.write(`${localize(locale, 'cli.export.written', { path: out })}\n`);
  return 0;
}
