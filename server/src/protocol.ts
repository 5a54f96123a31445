/**
 * What the client and the server share: settings and custom messages. The client imports only this file
 * from the server side, so it must not import anything else of the server.
 */

/** Settings under `reportWriter.*`; `reportWriter` is also the language client's id. */
export interface ReportWriterSettings {
  /** `auto`, or the id of the schema for reports whose front matter names none. */
  readonly schema: string;
  /** Extra schema files or folders, relative to the workspace folder or absolute. */
  readonly schemaPaths: readonly string[];
  readonly placeholders: { readonly extraPatterns: readonly string[] };
  readonly vagueQuantities: { readonly severity: 'off' | 'hint' | 'information' | 'warning' };
  readonly reportDetection: 'auto' | 'always' | 'frontMatterOnly';
}

export const defaultReportWriterSettings: ReportWriterSettings = {
  schema: 'auto',
  schemaPaths: [],
  placeholders: { extraPatterns: [] },
  vagueQuantities: { severity: 'hint' },
  reportDetection: 'auto',
};

export const settingsSection = 'reportWriter';
export const diagnosticSource = 'report-writer';
/** Each diagnostic's `codeDescription` points here, at the code's anchor. */
export const diagnosticsDocumentation = 'https://github.com/report-writer/report-writer/blob/main/docs/diagnostics.md';
