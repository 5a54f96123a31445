import generic from '../../../schemas/generic.yaml';
import marketExpansion from '../../../schemas/market-expansion.yaml';
import processOptimization from '../../../schemas/process-optimization.yaml';
import systemIntegration from '../../../schemas/system-integration.yaml';
import { readSchemaDraft } from './load.js';
import { SchemaRegistry } from './registry.js';

export const builtinSchemaSources: Readonly<Record<string, string>> = {
  'builtin:generic': generic,
  'builtin:system-integration': systemIntegration,
  'builtin:market-expansion': marketExpansion,
  'builtin:process-optimization': processOptimization,
};

let read: [string, ReturnType<typeof readSchemaDraft>][] | undefined;

/** A registry holding the built-in schemas; workspace schemas are added after them. */
export function createBuiltinRegistry(): SchemaRegistry {
  read ??= Object.entries(builtinSchemaSources).map(([source, text]) => [source, readSchemaDraft(source, text)]);
  const registry = new SchemaRegistry();
  for (const [source, draft] of read) registry.setRead(source, draft);
  return registry;
}
