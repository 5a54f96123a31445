import { appendAll } from '../report/limits.js';
import { readSchemaDraft, termLists, type SchemaDraft, type SlotDraft } from './load.js';
import type { ChapterSchema, SchemaProblem, SlotDefinition } from './types.js';

/**
 * The schemas a report can be checked against: the built-in ones and those of the workspace. Sources are
 * added and removed as files change; resolution (`extends`) happens on demand and is cached.
 */
export class SchemaRegistry {
  private readonly drafts = new Map<string, { draft: SchemaDraft | undefined; problems: SchemaProblem[] }>();
  private resolved: { schemas: Map<string, ChapterSchema>; problems: SchemaProblem[] } | undefined;

  /** Reads (or re-reads) a schema file. Sources added first win when two define the same id. */
  set(source: string, text: string): void {
    this.setRead(source, readSchemaDraft(source, text));
  }

  /** Adds a schema already read (`readSchemaDraft`; the built-in ones `readSchemaValue`, once per process). */
  setRead(source: string, read: { draft: SchemaDraft | undefined; problems: SchemaProblem[] }): void {
    this.drafts.set(source, read);
    this.resolved = undefined;
  }

  delete(source: string): void {
    if (this.drafts.delete(source)) this.resolved = undefined;
  }

  sources(): string[] {
    return [...this.drafts.keys()];
  }

  get(id: string): ChapterSchema | undefined {
    return this.resolve().schemas.get(id);
  }

  all(): ChapterSchema[] {
    return [...this.resolve().schemas.values()];
  }

  ids(): string[] {
    return [...this.resolve().schemas.keys()];
  }

  /** Every problem found in the schema files, including those of resolving `extends`. */
  problems(source?: string): SchemaProblem[] {
    const all = this.resolve().problems;
    return source === undefined ? all : all.filter((p) => p.source === source);
  }

  private resolve(): { schemas: Map<string, ChapterSchema>; problems: SchemaProblem[] } {
    if (this.resolved) return this.resolved;
    const problems: SchemaProblem[] = [];
    const byId = new Map<string, SchemaDraft>();
    for (const { draft, problems: own } of this.drafts.values()) {
      appendAll(problems, own);
      if (!draft) continue;
      const other = byId.get(draft.id);
      if (other) {
        problems.push({ source: draft.source, start: draft.span[0], end: draft.span[1], key: 'schema.duplicateId', args: { id: draft.id, other: other.source } });
      } else {
        byId.set(draft.id, draft);
      }
    }
    const schemas = new Map<string, ChapterSchema>();
    const visiting = new Set<string>();
    const build = (draft: SchemaDraft): ChapterSchema | undefined => {
      const done = schemas.get(draft.id);
      if (done) return done;
      let parent: ChapterSchema | undefined;
      if (draft.extends !== undefined) {
        const parentDraft = byId.get(draft.extends);
        const at = draft.extendsSpan ?? draft.span;
        if (!parentDraft) {
          problems.push({ source: draft.source, start: at[0], end: at[1], key: 'schema.unknownParent', args: { id: draft.extends, known: [...byId.keys()].join(', ') } });
          return undefined;
        }
        if (visiting.has(parentDraft.id)) {
          problems.push({ source: draft.source, start: at[0], end: at[1], key: 'schema.cycle', args: { id: draft.id, parent: parentDraft.id } });
          return undefined;
        }
        visiting.add(draft.id);
        parent = build(parentDraft);
        visiting.delete(draft.id);
        if (!parent) return undefined;
      }
      const schema = merge(draft, parent, problems);
      if (schema) schemas.set(schema.id, schema);
      return schema;
    };
    for (const draft of byId.values()) {
      visiting.add(draft.id);
      build(draft);
      visiting.clear();
    }
    this.resolved = { schemas, problems };
    return this.resolved;
  }
}

function problemAt(draft: SchemaDraft, span: readonly [number, number], key: string, args: Record<string, string | number>): SchemaProblem {
  return { source: draft.source, start: span[0], end: span[1], key, args };
}

/** Applies a draft on top of its parent (or on nothing): see docs/schemas.md for the rules. */
function merge(draft: SchemaDraft, parent: ChapterSchema | undefined, problems: SchemaProblem[]): ChapterSchema | undefined {
  const slots: SlotDefinition[] = parent ? [...parent.slots] : [];
  for (const change of draft.slots) {
    const index = slots.findIndex((s) => s.id === change.id);
    if (index >= 0) {
      slots[index] = overlay(slots[index]!, change);
      continue;
    }
    const created = create(draft, change, problems);
    if (!created) continue;
    if (change.after !== undefined) {
      const anchor = slots.findIndex((s) => s.id === change.after);
      if (anchor < 0) problems.push(problemAt(draft, change.span, 'schema.unknownSlot', { id: change.after, field: 'after' }));
      slots.splice(anchor < 0 ? slots.length : anchor + 1, 0, created);
    } else {
      slots.push(created);
    }
  }
  const ids = new Set(slots.map((s) => s.id));
  const aliasOwner = new Map<string, string>();
  for (const slot of slots) {
    for (const end of slot.between ?? []) {
      if (end !== null && !ids.has(end)) {
        const span = draft.slots.find((s) => s.id === slot.id)?.span ?? draft.span;
        problems.push(problemAt(draft, span, 'schema.unknownSlot', { id: end, field: 'between' }));
      }
    }
    for (const alias of termLists.flatMap((list) => slot[list])) {
      const key = alias.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== slot.id) {
        const span = draft.slots.find((s) => s.id === slot.id)?.span ?? draft.span;
        problems.push(problemAt(draft, span, 'schema.duplicateAlias', { alias, slot: slot.id, other: owner }));
      }
      aliasOwner.set(key, slot.id);
    }
  }
  if (slots.length === 0) {
    problems.push(problemAt(draft, draft.span, 'schema.noSlots', { id: draft.id }));
    return undefined;
  }
  return {
    id: draft.id,
    name: draft.name ?? parent?.name ?? { en: draft.id, 'zh-cn': draft.id },
    description: draft.description ?? parent?.description,
    titleKeywords: draft.titleKeywords,
    slots,
    source: draft.source,
  };
}

function create(draft: SchemaDraft, slot: SlotDraft, problems: SchemaProblem[]): SlotDefinition | undefined {
  if (!slot.title) {
    problems.push(problemAt(draft, slot.span, 'schema.missingKey', { key: 'title', where: `slot ${slot.id}` }));
    return undefined;
  }
  return {
    id: slot.id,
    title: slot.title,
    required: slot.required ?? false,
    aliases: unique([...(slot.aliases ?? [])]),
    strong: unique([...(slot.strong ?? [])]),
    weak: unique([...(slot.weak ?? [])]),
    yielding: unique([...(slot.yielding ?? [])]),
    guidance: slot.guidance,
    sections: slot.sections ?? [],
    tables: slot.tables ?? [],
    between: slot.between,
  };
}

function overlay(base: SlotDefinition, change: SlotDraft): SlotDefinition {
  return {
    id: base.id,
    title: change.title ?? base.title,
    required: change.required ?? base.required,
    aliases: unique([...base.aliases, ...(change.aliases ?? [])]),
    strong: unique([...base.strong, ...(change.strong ?? [])]),
    weak: unique([...base.weak, ...(change.weak ?? [])]),
    yielding: unique([...base.yielding, ...(change.yielding ?? [])]),
    guidance: change.guidance ?? base.guidance,
    sections: change.sections ?? base.sections,
    tables: change.tables ?? base.tables,
    between: change.between ?? base.between,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
