import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where an export goes unless told otherwise: beside the report, with its name (报告.md → 报告.docx). */
export function defaultExportPath(report: string): string {
  return path.join(path.dirname(report), `${path.basename(report, path.extname(report))}.docx`);
}

/** Reads the images a report references by paths relative to its folder (`![图1](images/架构.png)`). */
export function reportImageReader(report: string): (url: string) => Uint8Array | undefined {
  return (url) => {
    let relative = url.replace(/^file:\/\//i, '').replace(/[?#].*$/, '');
    try {
      relative = decodeURIComponent(relative);
    } catch {
      // Not percent-encoded: the path is as written.
    }
    try {
      return fs.readFileSync(path.resolve(path.dirname(report), relative));
    } catch {
      return undefined;
    }
  };
}
