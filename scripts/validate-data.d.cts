// The types of scripts/validate-data.cjs, for the tests that call it.
import type { Document, LineCounter } from 'yaml';

/** The problems of one data file's parsed value, one line each: `file[:line:column]: field: what was expected`. */
export declare function validateData(file: string, value: unknown, options?: { source?: { document: Document; lines: LineCounter }; schema?: string }): string[];
/** Parses and checks one YAML data file (`file` relative to the repository selects its schema, unless `schema` names one). */
export declare function checkDataText(file: string, text: string, schema?: string): { value: unknown; problems: string[] };
/** Checks every data file and brings server/src/yaml.d.ts up to date; throws with every problem found. */
export declare function checkAllData(): Map<string, unknown>;
/** The YAML files of the data folders, relative to the repository. */
export declare function dataFiles(): string[];
/** The schema a data file is checked against, or undefined when none is. */
export declare function schemaNameFor(file: string): string | undefined;
/** The text of server/src/yaml.d.ts. */
export declare function typeDeclarations(): string;
