/**
 * The project's own keyed reports (test/fixtures/keyed): every answer key must point at the text it
 * claims, so that a key cannot drift from its report. The checks are those of the shared corpus's
 * validate.mjs (1-based lines in range, every text / heading / quote an exact substring of its line, the
 * slot, verdict and direction vocabularies, the outcome rules, unique goal ids), except that a chapter or
 * covered-as-section heading may be a Setext heading as well as an ATX one; and a few more: the report
 * exists, chapter_level is 1–6 and every chapter heading is at that level, language is zh or en,
 * missing_slots are required slots that no chapter or section covers, every required slot is either
 * covered or missing, and no not_goals line holds a goal. Nothing here runs the engine: the keys are what a careful reader says, and they are
 * measured against the engine elsewhere.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = path.join(process.cwd(), 'test', 'fixtures', 'keyed');

const SLOTS = ['goals', 'overview', 'implementation', 'results', 'management', 'resources', 'challenges',
  'success-factors', 'lessons', 'outlook', 'conclusion'];
const REQUIRED = ['goals', 'implementation', 'results', 'challenges', 'lessons', 'outlook', 'conclusion'];
const VERDICTS = ['met', 'missed', 'unverifiable', 'no-outcome'];
const DIRECTIONS = ['at-least', 'at-most', 'exactly', 'increase-by', 'decrease-by', 'by-date'];
const LISTS = ['placeholders', 'vague_quantities', 'not_goals', 'kpi_table_defects', 'milestone_defects',
  'unsupported_claims', 'status_contradictions'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const objectsOf = (v: Json | undefined): JsonObject[] => arrayOf(v).filter(isObject);

/** The heading level of a line: ATX `#`…`######`, or Setext (the next line is `===` or `---`); 0 if none. */
export function headingLevel(lines: readonly string[], line: number): number {
  const text = lines[line - 1] ?? '';
  const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(text);
  if (atx) return atx[1]!.length;
  if (!text.trim()) return 0;
  const next = lines[line] ?? '';
  if (/^ {0,3}=+[ \t]*$/.test(next)) return 1;
  if (/^ {0,3}-+[ \t]*$/.test(next)) return 2;
  return 0;
}

/** Every problem of one key, as `name: message` lines; `report` reads the report the key names (undefined: none). */
export function checkKey(name: string, keyText: string, report: (file: string) => string | undefined): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${name}: ${message}`);
  let parsed: Json;
  try {
    parsed = JSON.parse(keyText) as Json;
  } catch (e) {
    say(`not JSON: ${(e as Error).message}`);
    return problems;
  }
  if (!isObject(parsed)) {
    say('not a JSON object');
    return problems;
  }
  const key = parsed;
  const file = key['file'];
  if (typeof file !== 'string' || !file) {
    say('no file');
    return problems;
  }
  if (file !== name.replace(/\.key\.json$/, '.md')) say(`file ${file} is not the report beside the key`);
  const text = report(file);
  if (text === undefined) {
    say(`no report ${file}`);
    return problems;
  }
  const lines = text.split(/\r\n|\r|\n/);
  const inRange = (line: Json | undefined): line is number => Number.isInteger(line) && (line as number) >= 1 && (line as number) <= lines.length;
  const at = (where: string, line: Json | undefined, quote: Json | undefined): boolean => {
    if (!inRange(line)) {
      say(`${where}: line ${JSON.stringify(line)} is not in the file`);
      return false;
    }
    if (typeof quote !== 'string' || !quote) {
      say(`${where}: no text`);
      return false;
    }
    if (!lines[line - 1]!.includes(quote)) {
      say(`${where}: line ${line} does not contain “${quote}” (it reads “${lines[line - 1]!.slice(0, 80)}”)`);
      return false;
    }
    return true;
  };
  const slot = (where: string, s: Json | undefined) => {
    if (typeof s !== 'string' || !SLOTS.includes(s)) say(`${where}: unknown slot ${JSON.stringify(s)}`);
  };

  if (key['language'] !== 'zh' && key['language'] !== 'en') say(`language ${JSON.stringify(key['language'])} is not zh or en`);
  const level = key['chapter_level'];
  if (!Number.isInteger(level) || (level as number) < 1 || (level as number) > 6) say(`chapter_level ${JSON.stringify(level)} is not 1–6`);

  const chapters = objectsOf(key['chapters']);
  if (!chapters.length) say('no chapters');
  const covered = new Set<string>();
  for (const c of chapters) {
    const where = `chapter L${JSON.stringify(c['line'])}`;
    if (at(where, c['line'], c['heading'])) {
      const found = headingLevel(lines, c['line'] as number);
      if (!found) say(`${where}: line ${c['line']} is not a heading (ATX or Setext)`);
      else if (found !== level) say(`${where}: a level-${found} heading, but chapter_level is ${level}`);
    }
    if (!Array.isArray(c['slots'])) say(`${where}: no slots`);
    for (const s of arrayOf(c['slots'])) {
      slot(where, s);
      if (typeof s === 'string') covered.add(s);
    }
  }
  const sections = new Set<string>();
  for (const c of objectsOf(key['covered_as_section'])) {
    const where = `covered_as_section ${JSON.stringify(c['slot'])}`;
    if (at(where, c['line'], c['heading']) && !headingLevel(lines, c['line'] as number)) say(`${where}: line ${c['line']} is not a heading (ATX or Setext)`);
    slot(where, c['slot']);
    if (typeof c['slot'] === 'string') sections.add(c['slot']);
  }
  const missing = arrayOf(key['missing_slots']);
  for (const s of missing) {
    if (typeof s !== 'string' || !REQUIRED.includes(s)) say(`missing_slots: ${JSON.stringify(s)} is not a required slot`);
    else if (sections.has(s)) say(`missing_slots: ${s} is also covered as a section`);
    else if (covered.has(s)) say(`missing_slots: ${s} is also a chapter's slot`);
  }
  for (const s of REQUIRED) if (!covered.has(s) && !sections.has(s) && !missing.includes(s)) say(`required slot ${s} is neither covered nor missing`);

  for (const o of objectsOf(key['order_defects'])) {
    const line = o['line'];
    if (!inRange(line) || !lines[line - 1]!.trim()) say(`order_defect: line ${JSON.stringify(line)} is not a line of text in the file`);
    slot('order_defect', o['slot']);
    slot('order_defect before', o['before']);
  }
  for (const field of LISTS) for (const x of objectsOf(key[field])) at(field, x['line'], x['text']);

  const ids = new Set<string>();
  for (const g of objectsOf(key['goals'])) {
    const id = typeof g['id'] === 'string' ? g['id'] : '';
    const where = `goal ${id || '?'}`;
    if (!id) say(`${where}: no id`);
    else if (ids.has(id)) say(`${where}: id used twice`);
    ids.add(id);
    at(where, g['line'], g['text']);
    for (const l of arrayOf(g['also_at'])) if (!inRange(l)) say(`${where}: also_at ${JSON.stringify(l)} is not in the file`);
    const verdict = g['verdict'];
    if (typeof verdict !== 'string' || !VERDICTS.includes(verdict)) say(`${where}: verdict ${JSON.stringify(verdict)}`);
    const target = g['target'];
    const direction = isObject(target) ? target['direction'] : undefined;
    if (typeof direction !== 'string' || !DIRECTIONS.includes(direction)) say(`${where}: target.direction ${JSON.stringify(direction)}`);
    const outcome = g['outcome'];
    if (verdict === 'no-outcome') {
      if (outcome !== undefined && outcome !== null) say(`${where}: no-outcome but an outcome is given`);
    } else if (!isObject(outcome)) say(`${where}: ${String(verdict)} needs an outcome`);
    else at(`${where} outcome`, outcome['line'], outcome['quote']);
  }
  // A line may hold a goal and a not-goal (a baseline in a KPI row's remarks, 共确定 10 项目标。其中…目标是：A，B),
  // but not the same words as both.
  const goals = objectsOf(key['goals']);
  for (const n of objectsOf(key['not_goals'])) {
    const text = typeof n['text'] === 'string' ? n['text'] : '';
    const shared = goals.some((g) => [g['line'], ...arrayOf(g['also_at'])].includes(n['line']) && typeof g['text'] === 'string' && (g['text'].includes(text) || text.includes(g['text'])));
    if (shared) say(`not_goals: line ${JSON.stringify(n['line'])} names a goal of the key as a not-goal`);
  }
  return problems;
}

const keyFiles = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.key.json')).sort() : [];
const readReport = (file: string): string | undefined => {
  const full = path.join(dir, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
};

describe('keyed reports (test/fixtures/keyed): the answer keys point at their reports', () => {
  it('holds at least 12 keyed reports, each with its report beside it', () => {
    assert.ok(keyFiles.length >= 12, `${keyFiles.length} keys`);
    const reports = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(reports.filter((r) => !keyFiles.includes(r.replace(/\.md$/, '.key.json'))), [], 'reports without a key');
  });

  for (const name of keyFiles) {
    it(name, () => {
      assert.deepEqual(checkKey(name, fs.readFileSync(path.join(dir, name), 'utf8'), readReport), []);
    });
  }

  describe('the checker itself', () => {
    const report = ['Report', '======', '', 'Goals', '-----', '', 'Cut cost by 10%.', '', '## Results', '', 'Cost fell by 12%.'].join('\n');
    const good = {
      file: 'r.md', language: 'en', is_report: true, domain: 'test', chapter_level: 2,
      chapters: [{ line: 4, heading: 'Goals', slots: ['goals'] }, { line: 9, heading: 'Results', slots: ['results'] }],
      covered_as_section: [],
      missing_slots: ['implementation', 'challenges', 'lessons', 'outlook', 'conclusion'],
      order_defects: [], placeholders: [], vague_quantities: [],
      goals: [{ id: 'G1', line: 7, also_at: [] as number[], text: 'Cut cost by 10%', metric: 'cost', target: { value: 10, unit: '%', direction: 'decrease-by' },
        outcome: { line: 11, quote: 'Cost fell by 12%', actual: { value: 12, unit: '%' } }, verdict: 'met', why: '12% ≥ 10%' }],
      not_goals: [], kpi_table_defects: [], milestone_defects: [], unsupported_claims: [], status_contradictions: [],
    };
    type Key = typeof good;
    const check = (edit: (k: Key) => void) => {
      const k = JSON.parse(JSON.stringify(good)) as Key;
      edit(k);
      return checkKey('r.key.json', JSON.stringify(k), (file) => (file === 'r.md' ? report : undefined));
    };

    it('accepts a good key, with a Setext chapter heading beside an ATX one', () => {
      assert.deepEqual(check(() => undefined), []);
    });

    it('finds a shifted line, a changed quote, a heading that is not one, and a heading at the wrong level', () => {
      assert.equal(check((k) => { k.goals[0]!.line = 8; }).length, 1);
      assert.equal(check((k) => { k.goals[0]!.outcome.quote = 'Cost fell by 15%'; }).length, 1);
      assert.equal(check((k) => { k.chapters[0]!.line = 7; k.chapters[0]!.heading = 'Cut cost'; }).length, 1);
      assert.equal(check((k) => { k.chapter_level = 1; }).length, 2);
      assert.equal(check((k) => { k.goals[0]!.also_at = [12]; }).length, 1);
    });

    it('finds vocabulary, outcome, id and slot-bookkeeping mistakes', () => {
      assert.equal(check((k) => { k.chapters[0]!.slots = ['aims']; }).length, 2);
      assert.equal(check((k) => { k.goals[0]!.verdict = 'no-outcome'; }).length, 1);
      assert.equal(check((k) => { k.goals[0]!.target.direction = 'down'; }).length, 1);
      assert.equal(check((k) => { k.goals.push({ ...k.goals[0]! }); }).length, 1);
      assert.equal(check((k) => { k.missing_slots.push('overview'); }).length, 1);
      assert.equal(check((k) => { k.missing_slots.push('results'); }).length, 1);
      assert.equal(check((k) => { k.missing_slots.pop(); }).length, 1);
      assert.equal(check((k) => { k.language = 'fr'; }).length, 1);
      assert.equal(check((k) => { k.file = 'other.md'; }).length, 2);
      assert.equal(check((k) => { (k.not_goals as { line: number; text: string; why: string }[]).push({ line: 7, text: 'Cut cost', why: 'x' }); }).length, 1);
    });
  });
});
