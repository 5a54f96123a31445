import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeError } from '../schemaFiles.js';
import type { ServerContext } from '../context.js';
import { localize, toRange } from '../core/index.js';
import { defaultExportPath, reportImageReader } from '../exportFiles.js';
import { ExportDocxRequest, type ExportDocxResult } from '../protocol.js';

/** Report: Export to Word. The server writes the file: it has the report's text, and the CLI shares the code. */
export function registerExportDocx(context: ServerContext): void {
  const { connection, locale } = context;
  connection.onRequest(ExportDocxRequest, async (params, token): Promise<ExportDocxResult | null> => {
    const analyzed = await context.analyze(params.uri, token);
    if (!analyzed) return null;
    // The placeholders are located in the text exported, whatever the document has become meanwhile.
    const { analysis, document } = analyzed;
    const { ExportError, exportBlockers, exportDocx } = await import('../core/export/index.js');
    const report = params.uri.startsWith('file:') ? fileURLToPath(params.uri) : undefined;
    const out = params.out ?? (report && defaultExportPath(report));
    if (!out) return { kind: 'failed', message: localize(locale, 'export.noPath') };
    const { placeholders, missingChapters } = exportBlockers(analysis);
    if (placeholders.length && !params.allowPlaceholders) {
      return { kind: 'blocked', placeholders: placeholders.map((p) => ({ range: toRange(document, p.start, p.end), text: p.text })), missingChapters };
    }
    let template: Uint8Array | undefined;
    try {
      template = params.template ? await fs.promises.readFile(params.template) : undefined;
    } catch (error) {
      return { kind: 'failed', message: localize(locale, 'cli.unreadable', { path: params.template!, reason: describeError(error, locale) }) };
    }
    try {
      const bytes = await exportDocx(analysis, { template, withScorecard: params.withScorecard, readImage: report ? reportImageReader(report) : () => undefined });
      await fs.promises.writeFile(out, bytes);
    } catch (error) {
      return { kind: 'failed', message: localize(locale, 'cli.export.failed', { path: out, reason: error instanceof ExportError ? error.describe(locale) : describeError(error, locale) }) };
    }
    return { kind: 'written', path: out, missingChapters };
  });
}
