import generic from '../../../schemas/generic.yaml';
import marketExpansion from '../../../schemas/market-expansion.yaml';
import processOptimization from '../../../schemas/process-optimization.yaml';
import systemIntegration from '../../../schemas/system-integration.yaml';
import { readSchemaValue } from './load.js';
import { SchemaRegistry } from './registry.js';

/** The built-in schemas by source name, as parsed from server/schemas/*.yaml when the bundles are built. */
export const builtinSchemaSources: Readonly<Record<string, unknown>> = {
  'builtin:generic': generic,
  'builtin:system-integration': systemIntegration,
  'builtin:market-expansion': marketExpansion,
  'builtin:process-optimization': processOptimization,
};

let read: [string, ReturnType<typeof readSchemaValue>][] | undefined;

/** A registry holding the built-in schemas; workspace schemas are added after them. */
export function createBuiltinRegistry(): SchemaRegistry {
  read ??= Object.entries(builtinSchemaSources).map(([source, value]) => [source, readSchemaValue(source, value)]);
  const registry = new SchemaRegistry();
  for (const [source, draft] of read) registry.setRead(source, draft);
  return registry;
}
