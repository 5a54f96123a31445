import type { Rule } from '../rule.js';

/** Front matter names a schema the registry does not have: the report is checked against another one. */
export const unknownSchema: Rule = {
  code: 'unknown-schema',
  defaultSeverity: 'error',
  messages: ['unknownSchema'],
  run: ({ model, namedSchema, schemaReason, schemas, diagnostic }) => {
    if (!namedSchema || schemaReason === 'front-matter') return [];
    const span = model.frontMatter?.valueRange(namedSchema.key) ?? { start: 0, end: 0 };
    return [diagnostic(span, 'unknownSchema', { id: namedSchema.value, key: namedSchema.key, known: schemas.ids().join(', ') })];
  },
};
