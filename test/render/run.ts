/**
 * `npm run test:render`: the Word export as a reader opens it. Every sample report, the English example,
 * and the keyed reports of ../shared/corpus/keyed (when present) are exported with the CLI, opened by
 * LibreOffice headless (Debian's libreoffice-writer-nogui) and converted to PDF — a document LibreOffice
 * would have to repair does not convert — and page 1 of each is rendered to
 * test-results/export/<name>.png (pdftoppm) for a person to look at. setup.sh installs both tools.
 * Exits 0 only when every export converts to a PDF of at least one page.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = process.cwd();
const artifacts = path.join(root, 'test-results', 'export');
const shared = path.join(root, '..', 'shared', 'corpus', 'keyed');

function reports(): string[] {
  const samples = fs.readdirSync(path.join(root, 'test', 'fixtures', 'corpus')).filter((f) => /^seed-\d-[a-z-]+\.md$/.test(f) && !f.includes('frontmatter')).map((f) => path.join(root, 'test', 'fixtures', 'corpus', f));
  const english = path.join(root, 'examples', 'generic-closure-report.md');
  const keyed = fs.existsSync(shared) ? fs.readdirSync(shared).filter((f) => f.endsWith('.md') && f !== 'KEYS.md').map((f) => path.join(shared, f)) : [];
  return [...samples, english, ...keyed];
}

function run(command: string, args: string[], cwd = root): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function main(): number {
  const setup = spawnSync('bash', [path.join(root, 'test', 'render', 'setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) return 1;
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-render-'));
  // LibreOffice keeps its profile here, not in the user's home.
  const profile = `-env:UserInstallation=file://${path.join(work, 'profile')}`;
  const failures: string[] = [];
  for (const report of reports()) {
    const name = path.basename(report, '.md');
    const docx = path.join(work, `${name}.docx`);
    const exported = run(process.execPath, [path.join(root, 'dist', 'cli.js'), 'export', '--allow-placeholders', '--with-scorecard', '--out', docx, report]);
    if (exported.status !== 0) {
      failures.push(`${name}: export exited with ${exported.status}\n${exported.output}`);
      continue;
    }
    run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', work, docx]);
    const pdf = path.join(work, `${name}.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]).output)?.[1] ?? 0);
    if (!fs.existsSync(pdf) || pages < 1) {
      failures.push(`${name}: LibreOffice did not convert the export to a PDF`);
      continue;
    }
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(artifacts, name)]);
    console.log(`[render] ${name}: ${pages} page(s), page 1 in test-results/export/${name}.png`);
  }
  fs.rmSync(work, { recursive: true, force: true });
  for (const failure of failures) console.error(`[render] FAIL ${failure}`);
  console.log(`[render] ${reports().length - failures.length} of ${reports().length} exports open in LibreOffice`);
  return failures.length === 0 ? 0 : 1;
}

process.exit(main());
