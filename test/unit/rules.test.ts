/**
 * The checks are a registry of rules (server/src/core/checks/registry.ts). These tests hold each diagnostic
 * code to one rule, named by its file, with its messages in both languages and its section in the docs, so
 * that a new diagnostic is its rule file, a registry line, its messages and its docs entry.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { messageKeys } from '../../server/src/core/index.js';
import { diagnosticCodes } from '../../server/src/core/report/diagnostics.js';
import { producedElsewhere, rules } from '../../server/src/core/checks/registry.js';

const rulesDir = path.join(process.cwd(), 'server/src/core/checks/rules');
const docs = fs.readFileSync(path.join(process.cwd(), 'docs/diagnostics.md'), 'utf8');

describe('rules: the registry', () => {
  it('has every diagnostic code from exactly one rule, or from the place registry.ts names with a reason', () => {
    for (const code of diagnosticCodes) {
      const from = rules.filter((r) => r.code === code);
      assert.ok(from.length <= 1, `${code} is reported by ${from.length} rules`);
      assert.ok(from.length === 1 || (producedElsewhere[code] ?? '').length > 20, `${code} has no rule and no reason why`);
    }
    for (const code of Object.keys(producedElsewhere)) assert.ok((diagnosticCodes as readonly string[]).includes(code), `${code} is not a diagnostic code`);
  });

  it('has one file per rule, named by its code, and no rule file left out of the registry', () => {
    const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual(files, rules.map((r) => r.code).sort());
    for (const rule of rules) {
      const source = fs.readFileSync(path.join(rulesDir, `${rule.code}.ts`), 'utf8');
      assert.match(source, new RegExp(`code: '${rule.code}'`), `rules/${rule.code}.ts defines the rule of ${rule.code}`);
    }
  });

  it('has the messages of every rule in server/l10n/en.yaml and zh-cn.yaml', () => {
    const keys = messageKeys();
    for (const rule of rules) {
      assert.ok(rule.messages.length > 0, `${rule.code} names its messages`);
      for (const key of rule.messages) {
        assert.ok(keys.en.includes(key), `en.yaml lacks ${key} (${rule.code})`);
        assert.ok(keys['zh-cn'].includes(key), `zh-cn.yaml lacks ${key} (${rule.code})`);
      }
    }
  });

  it('has a section of docs/diagnostics.md for every code, and its default severity in the table there', () => {
    for (const code of diagnosticCodes) {
      assert.match(docs, new RegExp(`^## ${code}$`, 'm'), `docs/diagnostics.md lacks "## ${code}"`);
      assert.match(docs, new RegExp(`^\\| \\[\`${code}\`\\]\\(#${code}\\) \\| \\w+ \\|`, 'm'), `the table of docs/diagnostics.md lacks ${code}`);
    }
    for (const rule of rules) {
      const row = new RegExp(`^\\| \\[\`${rule.code}\`\\]\\(#${rule.code}\\) \\| (\\w+) \\|`, 'm').exec(docs);
      assert.equal(row?.[1], rule.defaultSeverity, `the default severity of ${rule.code} in docs/diagnostics.md`);
    }
  });
});
