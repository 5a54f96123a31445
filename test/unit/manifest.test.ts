import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = process.cwd();
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, string>;

describe('manifest and client localization', () => {
  it('has every %key% of package.json in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...read('package.json').matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 20);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const catalog = json(file);
      assert.deepEqual(keys.filter((k) => !(k in catalog)), [], file);
      assert.deepEqual(Object.keys(catalog).filter((k) => !keys.includes(k)), [], `${file} has unused keys`);
    }
  });

  it('translates every vscode.l10n.t string of the client into Simplified Chinese', () => {
    const sources = fs.readdirSync(path.join(root, 'client', 'src')).map((f) => read(path.join('client', 'src', f))).join('\n');
    const quoted = `'((?:[^'\\\\]|\\\\.)+)'`;
    const keys = [
      ...[...sources.matchAll(new RegExp(`\\bt\\(${quoted}`, 'g'))].map((m) => m[1]!),
      // Counts in words: countOf(n, '1 placeholder', '{0} placeholders').
      ...[...sources.matchAll(new RegExp(`\\bcountOf\\([^,]+, ${quoted}, ${quoted}\\)`, 'g'))].flatMap((m) => [m[1]!, m[2]!]),
    ];
    assert.ok(keys.length > 20);
    assert.ok(keys.includes('1 placeholder') && keys.includes('{0} placeholders'), 'the scan finds countOf messages');
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    const en = json('l10n/bundle.l10n.json');
    assert.deepEqual(keys.filter((k) => !(k in zh)), []);
    assert.deepEqual(keys.filter((k) => !(k in en)), []);
    assert.deepEqual(Object.keys(zh).filter((k) => !keys.includes(k)), [], 'bundle.l10n.zh-cn.json has unused keys');
    for (const key of keys) assert.match(zh[key]!, /\p{Script=Han}/u, key);
  });

  it('gives the .vsix a writer\'s page whose pictures ship inside it, linked relatively, never to a repository', () => {
    const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    assert.match(manifest.scripts.package!, /--readme-path EXTENSION\.md --no-rewrite-relative-links/);
    const shipped = read('.vscodeignore').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const pictures = [...read('EXTENSION.md').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(pictures.length >= 3, 'the page shows what the extension does');
    for (const picture of pictures) {
      assert.match(picture, /^docs\/images\/[\w-]+\.png$/, `${picture}: a picture of the package, not a link`);
      assert.ok(fs.existsSync(path.join(root, picture)), picture);
    }
    assert.ok(shipped.includes('docs/images/*.png'), '.vscodeignore lets the pictures into the package');
  });

  it('names the commands of the issues exactly', () => {
    const manifest = JSON.parse(read('package.json')) as { contributes: { commands: { command: string }[] } };
    const commands = manifest.contributes.commands.map((c) => c.command);
    for (const id of ['reportWriter.insertChapterSkeleton', 'reportWriter.showGoalCheck', 'reportWriter.restartServer', 'reportWriter.exportDocx']) assert.ok(commands.includes(id), id);
  });
});
