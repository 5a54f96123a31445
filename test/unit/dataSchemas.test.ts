import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

// Loaded from the repository at run time, as esbuild.js loads it, rather than bundled into the test.
const validator = createRequire(path.join(process.cwd(), 'package.json'))('./scripts/validate-data.cjs') as typeof import('../../scripts/validate-data.cjs');

/** The text of a data file with one value replaced: a broken copy, as a careless edit would leave it. */
function brokenCopy(file: string, at: (string | number)[], value: unknown): string {
  const document = parseDocument(fs.readFileSync(file, 'utf8'));
  document.setIn(at, value);
  return document.toString();
}

describe('data files: checked against their schemas when the bundles are built', () => {
  it('finds every data file the engine imports valid, each against a schema', () => {
    const files = validator.dataFiles();
    assert.ok(files.includes('server/data/quantities.yaml') && files.includes('server/schemas/generic.yaml') && files.includes('server/l10n/en.yaml'), files.join());
    for (const file of files) {
      assert.ok(validator.schemaNameFor(file), `${file} has no schema`);
      assert.deepEqual(validator.checkDataText(file, fs.readFileSync(file, 'utf8')).problems, [], file);
    }
  });

  it('names the file, the line, the field and what was expected for a unit factor that is no number', () => {
    const file = 'server/data/quantities.yaml';
    const text = brokenCopy(file, ['units', 12, 'factor'], '1e3x');
    const { problems } = validator.checkDataText(file, text);
    assert.equal(problems.length, 1, problems.join('\n'));
    const line = text.split('\n').findIndex((l) => l.includes('1e3x')) + 1;
    assert.match(problems[0]!, new RegExp(`^server/data/quantities\\.yaml:${line}:\\d+: units\\[12\\]\\.factor: expected a number, got "1e3x"$`));
  });

  it('reports a placeholder pattern that does not compile with the u flag, with the reason', () => {
    const file = 'server/data/placeholders.yaml';
    const { problems } = validator.checkDataText(file, brokenCopy(file, ['patterns', 2, 'pattern'], '[X-\\d]'));
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^server\/data\/placeholders\.yaml:\d+:\d+: patterns\[2\]\.pattern: expected a regular expression that compiles with the u flag: Invalid regular expression/);
  });

  it('reports an unknown field, a missing field and a wrong enum value in a built-in chapter schema', () => {
    const file = 'server/schemas/generic.yaml';
    const document = parseDocument(fs.readFileSync(file, 'utf8'));
    document.setIn(['slots', 0, 'aliasses'], ['引言']);
    document.deleteIn(['slots', 1, 'id']);
    document.setIn(['slots', 1, 'tables'], ['gantt']);
    const problems = validator.checkDataText(file, document.toString()).problems.map((p) => p.replace(/^[^ ]+ /, ''));
    assert.deepEqual(problems.sort(), [
      'slots[0].aliasses: unknown field "aliasses"',
      'slots[1].tables[0]: expected one of "kpi", "milestone", got "gantt"',
      'slots[1]: missing the field "id"',
    ]);
  });

  it('says "a string or a mapping" for a localized text of another shape', () => {
    const file = 'server/schemas/market-expansion.yaml';
    const { problems } = validator.checkDataText(file, brokenCopy(file, ['name'], 12));
    assert.deepEqual(problems.map((p) => p.replace(/^[^ ]+ /, '')), ['name: expected a string or a mapping, got 12']);
  });

  it('keeps server/src/yaml.d.ts, the types the data is imported with, derived from the schemas as they are', () => {
    assert.equal(fs.readFileSync('server/src/yaml.d.ts', 'utf8'), validator.typeDeclarations());
  });
});
