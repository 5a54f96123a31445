import * as fs from 'node:fs';
import * as path from 'node:path';
import { appendAll } from '../core/index.js';

const markdownFile = /\.(md|markdown)$/i;

/**
 * The Markdown files under the inputs: a file is taken as given, a folder is walked (sorted, skipping
 * node_modules and dot-folders). Paths that do not exist or cannot be listed are returned in `unreadable`:
 * a folder that cannot be listed is skipped alone, the rest of its parent still walked.
 */
export function collectFiles(inputs: readonly string[]): { files: string[]; unreadable: { path: string; error: unknown }[]; empty: string[] } {
  const files: string[] = [];
  const unreadable: { path: string; error: unknown }[] = [];
  const empty: string[] = [];
  const walk = (dir: string, found: string[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      unreadable.push({ path: dir, error });
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, found);
      } else if (entry.isFile() && markdownFile.test(entry.name)) {
        found.push(full);
      }
    }
  };
  for (const input of inputs) {
    try {
      if (fs.statSync(input).isDirectory()) {
        const found: string[] = [];
        walk(input, found);
        if (found.length === 0) empty.push(input);
        appendAll(files, found);
      } else {
        files.push(input);
      }
    } catch (error) {
      unreadable.push({ path: input, error });
    }
  }
  return { files: [...new Set(files)], unreadable, empty };
}

/** True when the bytes hold a NUL in the first 8 KB: a binary file, not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}
