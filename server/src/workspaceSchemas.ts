import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node.js';
import { createBuiltinRegistry, type Locale, type SchemaProblem, type SchemaRegistry } from './core/index.js';
import { describeError, readSchemaFile, schemaSourcesFor, type SchemaSource } from './schemaFiles.js';

/** A workspace schema file as last read: its text (empty when unreadable) and its problems. */
export interface SchemaFile {
  readonly file: string;
  readonly text: string;
  readonly problems: readonly SchemaProblem[];
}

export function toFsPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/**
 * The workspace schemas of the language server, found by the rule the CLI uses (`schemaSourcesFor`):
 * a document gets the built-in schemas, the nearest `.report-schemas` above it (no higher than its
 * workspace folder), then its `reportWriter.schemaPaths`, relative to that folder. A document that is no
 * file (untitled) is taken to stand at the root of the first workspace folder. Each set of files gets
 * one registry, read once until `clear`.
 */
export function createWorkspaceSchemas(folders: readonly WorkspaceFolder[], locale: Locale) {
  const roots = folders.map((f) => toFsPath(f.uri)).filter((root): root is string => root !== undefined);
  const registries = new Map<string, SchemaRegistry>();
  const files = new Map<string, SchemaFile>();
  const listeners: (() => void)[] = [];

  /** The innermost workspace folder holding the file. */
  const rootOf = (file: string): string | undefined => {
    let best: string | undefined;
    for (const root of roots) {
      const relative = path.relative(root, file);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (best === undefined || root.length > best.length)) best = root;
    }
    return best;
  };

  const registryOf = (sources: readonly SchemaSource[]): SchemaRegistry => {
    const key = sources.map((s) => s.file).join('\n');
    let registry = registries.get(key);
    if (registry) return registry;
    registry = createBuiltinRegistry();
    const read: string[] = [];
    for (const source of sources) {
      const { file } = source;
      try {
        const text = readSchemaFile(source);
        registry.set(file, text);
        read.push(file);
        files.set(file, { file, text, problems: [] });
      } catch (error) {
        const problem: SchemaProblem = { source: file, start: 0, end: 0, key: 'schema.unreadable', args: { reason: describeError(error, locale) } };
        registry.setRead(file, { draft: undefined, problems: [problem] });
        files.set(file, { file, text: '', problems: [problem] });
      }
    }
    // A file's problems as this set sees them (a duplicate id depends on what was read before it).
    for (const file of read) files.set(file, { ...files.get(file)!, problems: registry.problems(file) });
    registries.set(key, registry);
    for (const listener of listeners) listener();
    return registry;
  };

  /** The registry for a file (or an untitled document) at `at` in the workspace folder `root`. */
  const registryAt = (at: string | undefined, root: string | undefined, schemaPaths: readonly string[]): SchemaRegistry => {
    // A relative schemaPaths entry is relative to the workspace folder; with none, there is nothing to resolve it against.
    const extra = schemaPaths.filter((p) => root !== undefined || path.isAbsolute(p)).map((p) => path.resolve(root ?? '/', p));
    // A schemaPaths entry that does not exist (yet) is nothing to load: unreadable locations are not told.
    return registryOf(schemaSourcesFor(at, { stopAt: root, extra }).sources);
  };

  return {
    /** The registry for a document; `schemaPaths` is the document's setting. */
    registryFor(uri: string, schemaPaths: readonly string[]): SchemaRegistry {
      const file = toFsPath(uri);
      const root = file === undefined ? roots[0] : rootOf(file);
      return registryAt(file ?? (root === undefined ? undefined : path.join(root, 'untitled')), root, schemaPaths);
    },
    /** Reads the schemas of each workspace folder's root, so their problems show before any report is opened. */
    readRoots(schemaPathsOf: (root: string) => readonly string[]): void {
      for (const root of roots) registryAt(path.join(root, 'untitled'), root, schemaPathsOf(root));
    },
    /** Every workspace schema file read since the last `clear`, with its problems. */
    files(): SchemaFile[] {
      return [...files.values()];
    },
    /** Every registry read since the last `clear`. */
    registries(): SchemaRegistry[] {
      return [...registries.values()];
    },
    clear(): void {
      registries.clear();
      files.clear();
    },
    /** Called whenever a new set of schema files has been read. */
    onRead(listener: () => void): void {
      listeners.push(listener);
    },
  };
}

export type WorkspaceSchemas = ReturnType<typeof createWorkspaceSchemas>;
