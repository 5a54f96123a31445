import * as fs from 'node:fs';
import * as path from 'node:path';
import { limits, localize, type Locale } from './core/index.js';

/**
 * Schema files as the command line and the language server read them: one way for both, since a schema
 * file is as much the workspace's (or an attacker's) as a report is. Only regular files under the size
 * limit are read; a link is followed only where it stays inside the folder it must stay in.
 */

/** A schema file to read, and the folder it must not lead out of (none for a file named by the user). */
export interface SchemaSource {
  readonly file: string;
  readonly root: string | undefined;
}

/**
 * The schema files a location names: itself, or the `*.yaml` and `*.yml` entries of a folder in name
 * order. Entries of a folder must stay inside `root`, else inside the folder. Throws what `fs` throws.
 */
export function listSchemaFiles(location: string, root?: string): SchemaSource[] {
  if (!fs.statSync(location).isDirectory()) return [{ file: location, root }];
  return fs
    .readdirSync(location)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => ({ file: path.join(location, f), root: root ?? location }));
}

/** An error of ours, with a `code` as `fs` gives its own, so that one `describeError` says both. */
function refusal(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}

/**
 * The text of a schema file. Throws (an `fs` error, or one with code `ENOTREG`, `EOUTSIDE` or `EFBIG`)
 * when the file, links resolved, is not a regular file (`/dev/zero`, a pipe), leads outside its root or
 * is over the limit; no more than the limit is ever read, even from a file that grows meanwhile.
 */
export function readSchemaFile({ file, root }: SchemaSource): string {
  const real = fs.realpathSync(file);
  const stat = fs.statSync(real);
  if (stat.isDirectory()) throw refusal('EISDIR', file);
  if (!stat.isFile()) throw refusal('ENOTREG', file);
  if (root !== undefined) {
    const relative = path.relative(fs.realpathSync(root), real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw refusal('EOUTSIDE', file);
  }
  if (stat.size > limits.schemaFileBytes) throw refusal('EFBIG', file);
  const buffer = Buffer.alloc(limits.schemaFileBytes + 1);
  const fd = fs.openSync(real, 'r');
  let length = 0;
  try {
    for (let read = 1; read > 0 && length < buffer.length; length += read) read = fs.readSync(fd, buffer, length, buffer.length - length, null);
  } finally {
    fs.closeSync(fd);
  }
  if (length > limits.schemaFileBytes) throw refusal('EFBIG', file);
  return buffer.subarray(0, length).toString('utf8');
}

/**
 * The nearest `.report-schemas` folder at or above the file's folder, looking no higher than `stopAt`
 * (a workspace folder) when the file lies inside it, else up to the filesystem root.
 */
export function findSchemaFolder(file: string, stopAt?: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  const top = stopAt === undefined ? undefined : path.resolve(stopAt);
  const fromTop = top === undefined ? undefined : path.relative(top, dir);
  const inside = fromTop !== undefined && !fromTop.startsWith('..') && !path.isAbsolute(fromTop);
  for (;;) {
    const candidate = path.join(dir, '.report-schemas');
    try {
      if (fs.statSync(candidate).isDirectory()) return candidate;
    } catch {
      // No such folder here: look one level up.
    }
    const parent = path.dirname(dir);
    if (parent === dir || (inside && dir === top)) return undefined;
    dir = parent;
  }
}

/**
 * The one rule by which the CLI and the language server find a report's workspace schemas: the nearest
 * `.report-schemas` folder above the file (see `findSchemaFolder`), whose links must stay inside the
 * folder that holds it, then the extra locations (`--schemas`, `reportWriter.schemaPaths`) in the order
 * given. Sources listed first win when two schemas share an id. A location that cannot be listed is in
 * `unreadable`; a `.report-schemas` that vanished meanwhile is not.
 */
export function schemaSourcesFor(file: string | undefined, options: { readonly stopAt?: string; readonly extra: readonly string[] }): {
  sources: SchemaSource[];
  unreadable: { path: string; error: unknown }[];
} {
  const sources: SchemaSource[] = [];
  const unreadable: { path: string; error: unknown }[] = [];
  const folder = file === undefined ? undefined : findSchemaFolder(file, options.stopAt);
  const locations: [string, string | undefined][] = [...(folder ? [[folder, path.dirname(folder)] as [string, string]] : []), ...options.extra.map((p): [string, undefined] => [p, undefined])];
  for (const [location, root] of locations) {
    try {
      for (const source of listSchemaFiles(location, root)) if (!sources.some((s) => s.file === source.file)) sources.push(source);
    } catch (error) {
      unreadable.push({ path: location, error });
    }
  }
  return { sources, unreadable };
}

/** Messages for the errors a path commonly fails with. */
const errorKeys: Readonly<Record<string, string>> = {
  ENOENT: 'cli.error.notFound',
  ENOTDIR: 'cli.error.notFolder',
  EISDIR: 'cli.error.isFolder',
  EACCES: 'cli.error.denied',
  EPERM: 'cli.error.denied',
  ELOOP: 'cli.error.linkLoop',
  ENOTREG: 'cli.error.notRegular',
  EFBIG: 'cli.error.schemaTooLarge',
  EOUTSIDE: 'cli.error.outside',
};

/** Why a path could not be read, in words; the system's own words for an error without a message of ours. */
export function describeError(error: unknown, locale: Locale): string {
  const key = errorKeys[(error as NodeJS.ErrnoException).code ?? ''];
  if (key) return localize(locale, key, { limit: `${limits.schemaFileBytes / 1024 / 1024} MB` });
  return error instanceof Error ? error.message : String(error);
}
