import generic from '../../../schemas/generic.yaml';
import marketExpansion from '../../../schemas/market-expansion.yaml';
import processOptimization from '../../../schemas/process-optimization.yaml';
import systemIntegration from '../../../schemas/system-integration.yaml';
import { SchemaRegistry } from './registry.js';

export const builtinSchemaSources: Readonly<Record<string, string>> = {
  'builtin:generic': generic,
  'builtin:system-integration': systemIntegration,
  'builtin:market-expansion': marketExpansion,
  'builtin:process-optimization': processOptimization,
};

/** A registry holding the built-in schemas; workspace schemas are added after them. */
export function createBuiltinRegistry(): SchemaRegistry {
  const registry = new SchemaRegistry();
  for (const [source, text] of Object.entries(builtinSchemaSources)) registry.set(source, text);
  return registry;
}
