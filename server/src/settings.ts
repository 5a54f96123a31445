import type { Connection } from 'vscode-languageserver/node.js';
import { compileUserPatterns, defaultSettings, localize, type AnalysisSettings, type Locale } from './core/index.js';
import { defaultReportWriterSettings, settingsSection, type ReportWriterSettings } from './protocol.js';

/** The client's settings as the server reads them (`reportWriter.*`, per resource), and the engine's settings made of them. */

const severities: readonly string[] = ['off', 'hint', 'information', 'warning'];

/**
 * The client's settings, each of the wrong type or out of range replaced by its default: a hand-edited
 * settings.json (`"extraPatterns": "TBD"`, `"maxNumberOfProblems": "many"`) must not fail every analysis.
 * `extraPatterns` is kept as it is: `compileUserPatterns` says what is wrong with it.
 */
function readSettings(value: unknown): ReportWriterSettings {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const defaults = defaultReportWriterSettings;
  const field = (object: unknown, key: string): unknown => (typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[key] : undefined);
  const oneOf = <T extends string>(candidate: unknown, allowed: readonly string[], fallback: T): T => (typeof candidate === 'string' && allowed.includes(candidate) ? (candidate as T) : fallback);
  const maximum = given.maxNumberOfProblems;
  const schemaPaths = given.schemaPaths;
  return {
    schema: typeof given.schema === 'string' ? given.schema : defaults.schema,
    schemaPaths: Array.isArray(schemaPaths) ? schemaPaths.filter((p): p is string => typeof p === 'string') : defaults.schemaPaths,
    placeholders: { extraPatterns: (field(given.placeholders, 'extraPatterns') ?? defaults.placeholders.extraPatterns) as readonly string[] },
    vagueQuantities: { severity: oneOf(field(given.vagueQuantities, 'severity'), severities, defaults.vagueQuantities.severity) },
    coveredBySection: { severity: oneOf(field(given.coveredBySection, 'severity'), severities, defaults.coveredBySection.severity) },
    reportDetection: oneOf(given.reportDetection, ['auto', 'always', 'frontMatterOnly'], defaults.reportDetection),
    maxNumberOfProblems: typeof maximum === 'number' && Number.isFinite(maximum) && maximum >= 0 ? Math.floor(maximum) : defaults.maxNumberOfProblems,
  };
}

/**
 * The engine's settings for the client's, compiled once per settings object. An invalid placeholder
 * pattern is told once per pattern and reason until `reset` (the settings changed): every document has
 * its own settings object.
 */
export function createSettingsCompiler(locale: Locale, warn: (message: string) => void) {
  const compiled = new WeakMap<ReportWriterSettings, AnalysisSettings>();
  const told = new Set<string>();
  return {
    compile(settings: ReportWriterSettings): AnalysisSettings {
      const done = compiled.get(settings);
      if (done) return done;
      const { patterns, invalid } = compileUserPatterns(settings.placeholders.extraPatterns, locale);
      for (const problem of invalid) {
        const message = localize(locale, 'pattern.invalid', problem);
        if (!told.has(message)) warn(message);
        told.add(message);
      }
      const result: AnalysisSettings = {
        ...defaultSettings,
        locale,
        schema: settings.schema,
        reportDetection: settings.reportDetection,
        vagueQuantitySeverity: settings.vagueQuantities.severity,
        coveredBySectionSeverity: settings.coveredBySection.severity,
        maxNumberOfProblems: settings.maxNumberOfProblems,
        extraPlaceholderPatterns: patterns,
      };
      compiled.set(settings, result);
      return result;
    },
    reset(): void {
      told.clear();
    },
  };
}

/** The client's settings for a resource; the defaults when the client cannot tell them or fails to. */
export function fetchClientSettings(connection: Connection, scopeUri: string, canFetchConfiguration: boolean): Promise<ReportWriterSettings> {
  if (!canFetchConfiguration) return Promise.resolve(defaultReportWriterSettings);
  return connection.workspace.getConfiguration({ scopeUri, section: settingsSection }).then(
    (value: unknown) => readSettings(value),
    (error: unknown) => {
      // A client that cannot answer still gets a working server, with the defaults.
      connection.console.warn(`workspace/configuration failed: ${error instanceof Error ? error.message : String(error)}`);
      return defaultReportWriterSettings;
    },
  );
}
