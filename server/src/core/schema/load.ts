import { Document, isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { LocalizedText } from '../report/l10n.js';
import { limits } from '../report/limits.js';
import { parseYaml } from '../parse/yamlDocument.js';
import type { SchemaProblem, TableKindName } from './types.js';

/** A slot as written in a file: a schema that `extends` another may give only what it changes. */
export interface SlotDraft {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly required?: boolean;
  readonly aliases?: readonly string[];
  readonly strong?: readonly string[];
  readonly weak?: readonly string[];
  readonly yielding?: readonly string[];
  readonly guidance?: LocalizedText;
  readonly sections?: readonly LocalizedText[];
  readonly tables?: readonly TableKindName[];
  readonly between?: readonly [string | null, string | null];
  /** For a slot the parent lacks: the slot it follows. */
  readonly after?: string;
  /** Where the slot is written, for problems found when the schema is resolved. */
  readonly span: readonly [number, number];
}

export interface SchemaDraft {
  readonly id: string;
  readonly extends?: string;
  readonly name?: LocalizedText;
  readonly description?: LocalizedText;
  readonly titleKeywords: readonly string[];
  readonly slots: readonly SlotDraft[];
  readonly source: string;
  readonly span: readonly [number, number];
  readonly extendsSpan: readonly [number, number] | undefined;
}

const schemaKeys = new Set(['id', 'extends', 'name', 'description', 'match', 'slots']);
const slotKeys = new Set(['id', 'title', 'required', 'aliases', 'strong', 'weak', 'yielding', 'guidance', 'sections', 'tables', 'between', 'after']);
/** The slot's heading terms, by weight (see SlotDefinition). */
export const termLists = ['aliases', 'strong', 'weak', 'yielding'] as const;
const tableKinds: readonly string[] = ['kpi', 'milestone'];
const idPattern = /^[a-z][a-z0-9-]*$/;

/** Reads YAML nodes into typed values, recording a located problem for every value of the wrong shape. */
class Reader {
  readonly problems: SchemaProblem[] = [];

  constructor(readonly source: string) {}

  span(node: YamlNode | null | undefined, fallback: readonly [number, number]): readonly [number, number] {
    const range = node?.range;
    return range ? [range[0], Math.max(range[1], range[0] + 1)] : fallback;
  }

  problem(span: readonly [number, number], key: string, args: Record<string, string | number> = {}): void {
    this.problems.push({ source: this.source, start: span[0], end: span[1], key, args });
  }

  pairs(map: YAMLMap, allowed: Set<string>, where: string): Map<string, Pair<YamlNode, YamlNode | null>> {
    const result = new Map<string, Pair<YamlNode, YamlNode | null>>();
    for (const pair of map.items as Pair<YamlNode, YamlNode | null>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const span = this.span(pair.key, this.span(map, [0, 1]));
      if (!allowed.has(name)) this.problem(span, 'schema.unknownKey', { key: name, where, allowed: [...allowed].join(', ') });
      else result.set(name, pair);
    }
    return result;
  }

  string(node: YamlNode | null, field: string, fallback: readonly [number, number]): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    this.problem(this.span(node, fallback), 'schema.expectedString', { field });
    return undefined;
  }

  id(node: YamlNode | null, field: string, fallback: readonly [number, number]): string | undefined {
    const value = this.string(node, field, fallback);
    if (value !== undefined && !idPattern.test(value)) {
      this.problem(this.span(node, fallback), 'schema.badId', { field, value });
      return undefined;
    }
    return value;
  }

  boolean(node: YamlNode | null, field: string, fallback: readonly [number, number]): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.problem(this.span(node, fallback), 'schema.expectedBoolean', { field });
    return undefined;
  }

  strings(node: YamlNode | null, field: string, fallback: readonly [number, number]): string[] {
    if (!isSeq(node)) {
      this.problem(this.span(node, fallback), 'schema.expectedList', { field });
      return [];
    }
    return (node.items as (YamlNode | null)[])
      .map((item) => this.term(this.string(item, field, this.span(node, fallback)), field, this.span(item, fallback)))
      .filter((s): s is string => s !== undefined && s.trim() !== '');
  }

  /** A text that headings are matched against: a longer one would make the classifier's expression too large. */
  term(value: string | undefined, field: string, span: readonly [number, number]): string | undefined {
    if (value === undefined || value.length <= limits.schemaTermLength) return value;
    this.problem(span, 'schema.termTooLong', { field, length: value.length, limit: limits.schemaTermLength });
    return undefined;
  }

  /** `{zh-cn: …, en: …}`, or a plain string used for both languages. */
  localized(node: YamlNode | null, field: string, fallback: readonly [number, number]): LocalizedText | undefined {
    if (isScalar(node) && typeof node.value === 'string') return { en: node.value, 'zh-cn': node.value };
    if (isMap(node)) {
      const pairs = this.pairs(node, new Set(['zh-cn', 'en']), field);
      const zh = pairs.get('zh-cn');
      const en = pairs.get('en');
      const zhText = zh ? this.string(zh.value, `${field}.zh-cn`, this.span(zh.key, fallback)) : undefined;
      const enText = en ? this.string(en.value, `${field}.en`, this.span(en.key, fallback)) : undefined;
      if (zhText === undefined && enText === undefined) {
        this.problem(this.span(node, fallback), 'schema.expectedLocalized', { field });
        return undefined;
      }
      return { 'zh-cn': zhText ?? enText!, en: enText ?? zhText! };
    }
    this.problem(this.span(node, fallback), 'schema.expectedLocalized', { field });
    return undefined;
  }

  between(node: YamlNode | null, fallback: readonly [number, number]): readonly [string | null, string | null] | undefined {
    if (isSeq(node) && node.items.length === 2) {
      const ends = (node.items as (YamlNode | null)[]).map((item) =>
        isScalar(item) && item.value === null ? null : this.id(item, 'between', this.span(node, fallback)) ?? null,
      );
      return [ends[0]!, ends[1]!];
    }
    this.problem(this.span(node, fallback), 'schema.expectedBetween');
    return undefined;
  }
}

/** A slot's title, which headings are matched against as its aliases are. */
function slotTitle(reader: Reader, node: YamlNode | null, span: readonly [number, number]): LocalizedText | undefined {
  const title = reader.localized(node, 'title', span);
  return title && reader.term(title.en, 'title', span) !== undefined && reader.term(title['zh-cn'], 'title', span) !== undefined ? title : undefined;
}

function readSlot(reader: Reader, node: YamlNode | null, fallback: readonly [number, number]): SlotDraft | undefined {
  if (!isMap(node)) {
    reader.problem(reader.span(node, fallback), 'schema.expectedMap', { field: 'slots[]' });
    return undefined;
  }
  const span = reader.span(node, fallback);
  const pairs = reader.pairs(node, slotKeys, 'slot');
  const idPair = pairs.get('id');
  if (!idPair) {
    reader.problem(span, 'schema.missingKey', { key: 'id', where: 'slot' });
    return undefined;
  }
  const id = reader.id(idPair.value, 'id', reader.span(idPair.key, span));
  if (id === undefined) return undefined;
  const at = (name: string) => reader.span(pairs.get(name)?.key, span);
  const value = (name: string) => pairs.get(name)?.value ?? null;
  const has = (name: string) => pairs.has(name);
  return {
    id,
    span,
    ...(has('title') && { title: slotTitle(reader, value('title'), at('title')) }),
    ...(has('required') && { required: reader.boolean(value('required'), 'required', at('required')) }),
    ...Object.fromEntries(termLists.filter(has).map((list) => [list, reader.strings(value(list), list, at(list))])),
    ...(has('guidance') && { guidance: reader.localized(value('guidance'), 'guidance', at('guidance')) }),
    ...(has('sections') && {
      sections: isSeq(value('sections'))
        ? ((value('sections') as { items: (YamlNode | null)[] }).items
            .map((item) => reader.localized(item, 'sections', at('sections')))
            .filter((s): s is LocalizedText => s !== undefined))
        : (reader.problem(at('sections'), 'schema.expectedList', { field: 'sections' }), []),
    }),
    ...(has('tables') && {
      tables: reader.strings(value('tables'), 'tables', at('tables')).filter((kind) => {
        if (tableKinds.includes(kind)) return true;
        reader.problem(at('tables'), 'schema.badTable', { value: kind });
        return false;
      }),
    }),
    ...(has('between') && { between: reader.between(value('between'), at('between')) }),
    ...(has('after') && { after: reader.id(value('after'), 'after', at('after')) }),
  } as SlotDraft;
}

/** Parses one schema file. A draft is returned whenever the file has at least a valid `id`. */
export function readSchemaDraft(source: string, text: string): { draft: SchemaDraft | undefined; problems: SchemaProblem[] } {
  const reader = new Reader(source);
  const doc = parseYaml(text);
  for (const error of doc.errors) {
    reader.problem([error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)], 'schema.yaml', { detail: error.message.split('\n')[0]! });
  }
  if (doc.errors.length) return { draft: undefined, problems: reader.problems };
  return readSchemaRoot(reader, doc.contents);
}

/**
 * Reads a schema given as plain data: the built-in ones, whose YAML is parsed when the bundles are built
 * (esbuild.js). Its nodes have no place in a file: problems point at the start.
 */
export function readSchemaValue(source: string, value: unknown): { draft: SchemaDraft | undefined; problems: SchemaProblem[] } {
  return readSchemaRoot(new Reader(source), new Document(value).contents);
}

function readSchemaRoot(reader: Reader, root: YamlNode | null): { draft: SchemaDraft | undefined; problems: SchemaProblem[] } {
  const whole: readonly [number, number] = [0, 1];
  if (!isMap(root)) {
    reader.problem(reader.span(root, whole), 'schema.expectedMap', { field: 'schema' });
    return { draft: undefined, problems: reader.problems };
  }
  const span = reader.span(root, whole);
  const pairs = reader.pairs(root, schemaKeys, 'schema');
  const idPair = pairs.get('id');
  const id = idPair ? reader.id(idPair.value, 'id', reader.span(idPair.key, span)) : undefined;
  if (!idPair) reader.problem(span, 'schema.missingKey', { key: 'id', where: 'schema' });
  const at = (name: string) => reader.span(pairs.get(name)?.key, span);
  const value = (name: string) => pairs.get(name)?.value ?? null;

  let titleKeywords: string[] = [];
  if (pairs.has('match')) {
    const match = value('match');
    if (isMap(match)) {
      const matchPairs = reader.pairs(match, new Set(['titles']), 'match');
      const titles = matchPairs.get('titles');
      if (titles) titleKeywords = reader.strings(titles.value, 'match.titles', reader.span(titles.key, span));
    } else {
      reader.problem(at('match'), 'schema.expectedMap', { field: 'match' });
    }
  }

  const slots: SlotDraft[] = [];
  const slotsNode = value('slots');
  if (!pairs.has('slots')) {
    if (!pairs.has('extends')) reader.problem(span, 'schema.missingKey', { key: 'slots', where: 'schema' });
  } else if (!isSeq(slotsNode)) {
    reader.problem(at('slots'), 'schema.expectedList', { field: 'slots' });
  } else if (slotsNode.items.length > limits.schemaSlots) {
    reader.problem(at('slots'), 'schema.tooManySlots', { count: slotsNode.items.length, limit: limits.schemaSlots });
    return { draft: undefined, problems: reader.problems };
  } else {
    const seen = new Set<string>();
    for (const item of slotsNode.items as (YamlNode | null)[]) {
      const slot = readSlot(reader, item, at('slots'));
      if (!slot) continue;
      if (seen.has(slot.id)) reader.problem(slot.span, 'schema.duplicateSlot', { id: slot.id });
      else slots.push(slot);
      seen.add(slot.id);
    }
  }

  const terms = slots.reduce((count, slot) => count + termLists.reduce((sum, list) => sum + (slot[list]?.length ?? 0), slot.title ? 2 : 0), 0);
  if (terms > limits.schemaTerms) {
    reader.problem(at('slots'), 'schema.tooManyTerms', { count: terms, limit: limits.schemaTerms });
    return { draft: undefined, problems: reader.problems };
  }
  if (id === undefined) return { draft: undefined, problems: reader.problems };
  const parent = pairs.has('extends') ? reader.id(value('extends'), 'extends', at('extends')) : undefined;
  const draft: SchemaDraft = {
    id,
    source: reader.source,
    span,
    titleKeywords,
    slots,
    extendsSpan: pairs.has('extends') ? reader.span(value('extends'), at('extends')) : undefined,
    ...(parent !== undefined && { extends: parent }),
    ...(pairs.has('name') && { name: reader.localized(value('name'), 'name', at('name')) }),
    ...(pairs.has('description') && { description: reader.localized(value('description'), 'description', at('description')) }),
  } as SchemaDraft;
  return { draft, problems: reader.problems };
}
