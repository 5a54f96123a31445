// @ts-check
// The data files the engine loads (server/data, server/schemas, server/l10n) are checked here, against the JSON
// Schemas of server/data/schemas, when the bundles are built (esbuild.js): a value of the wrong shape stops the
// build with the file, the field and what was expected, instead of reaching the engine through a bare cast.
// The same schemas give the TypeScript type each file is imported with (server/src/yaml.d.ts, written here).
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv').default;
const YAML = require('yaml');

const root = path.join(__dirname, '..');
const schemaDir = path.join(root, 'server/data/schemas');
/** The folders whose YAML files the engine imports; every file in them needs a schema. */
const dataDirs = ['server/data', 'server/schemas', 'server/l10n'];

/** Which schema (a file of server/data/schemas, without `.schema.json`) a data file is checked against. */
const schemaRules = [
  [/^server\/data\/(placeholders|vague-quantities)\.yaml$/, 'text-patterns'],
  [/^server\/schemas\/recognition\.yaml$/, 'recognition'],
  [/^server\/schemas\/[^/]+\.yaml$/, 'chapter-schema'],
  [/^server\/l10n\/[^/]+\.yaml$/, 'messages'],
  [/^server\/data\/([^/]+)\.yaml$/, '$1'],
];

/** @param {string} file a path relative to the repository, with `/` */
function schemaNameFor(file) {
  for (const [pattern, name] of /** @type {[RegExp, string][]} */ (schemaRules)) {
    if (pattern.test(file)) return file.replace(pattern, name);
  }
  return undefined;
}

/** @param {unknown} value */
function show(value) {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** @param {unknown} value */
function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return show(value);
}

const typeNames = /** @type {Record<string, string>} */ ({ string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', object: 'a mapping', array: 'a list', null: 'null (~)' });

/** `/units/12/factor` → `units[12].factor`. */
function fieldPath(/** @type {string} */ pointer) {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : /^[\w$-]+$/.test(part) ? (out ? `${out}.${part}` : part) : `${out}[${JSON.stringify(part)}]`), '') || '(the file)';
}

/** The parsed value at a JSON pointer. */
function valueAt(/** @type {unknown} */ data, /** @type {string} */ pointer) {
  let value = data;
  for (const part of pointer.split('/').slice(1)) value = value == null ? undefined : /** @type {any} why: walking plain parsed data */ (value)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return value;
}

/** A regular expression that fails to compile as the engine compiles its patterns (with the `u` flag): why. */
function regexProblem(/** @type {string} */ source) {
  try {
    new RegExp(source, 'u');
    return undefined;
  } catch (error) {
    return /** @type {Error} */ (error).message;
  }
}

/**
 * What was expected, in words, for one error of ajv's (a `oneOf` is described by `validateData`, which
 * folds its branches' type errors into one line).
 * @param {import('ajv').ErrorObject} error
 * @param {unknown} value
 */
function expected(error, value) {
  const p = /** @type {any} why: each ajv keyword has params of its own shape */ (error.params);
  switch (error.keyword) {
    case 'type': return `expected ${String(p.type).split(',').map((t) => typeNames[t] ?? t).join(' or ')}, got ${kindOf(value)}`;
    case 'required': return `missing the field "${p.missingProperty}"`;
    case 'additionalProperties': return `unknown field "${p.additionalProperty}"`;
    case 'enum': return `expected one of ${p.allowedValues.map(show).join(', ')}, got ${show(value)}`;
    case 'const': return `expected ${show(p.allowedValue)}, got ${show(value)}`;
    case 'minItems': return `expected at least ${p.limit} item${p.limit === 1 ? '' : 's'}, got ${Array.isArray(value) ? value.length : show(value)}`;
    case 'maxItems': return `expected at most ${p.limit} items, got ${Array.isArray(value) ? value.length : show(value)}`;
    case 'minLength': return `expected a text of at least ${p.limit} character${p.limit === 1 ? '' : 's'}, got ${show(value)}`;
    case 'minimum': case 'exclusiveMinimum': case 'maximum': case 'exclusiveMaximum':
      return `expected a number ${p.comparison} ${p.limit}, got ${show(value)}`;
    case 'pattern': return `expected a text matching /${p.pattern}/, got ${show(value)}`;
    case 'uniqueItems': return `items ${p.j} and ${p.i} are the same: expected no repeats`;
    case 'format':
      if (p.format === 'regex') return `expected a regular expression that compiles with the u flag: ${regexProblem(String(value))}`;
      return `expected the format ${p.format}, got ${show(value)}`;
    default: return `${error.message ?? error.keyword}, got ${show(value)}`;
  }
}

/**
 * Compiles every schema once. `format: regex` is checked the way the engine compiles its patterns: with `u`.
 * @returns {Ajv}
 */
function createAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addFormat('regex', { type: 'string', validate: (source) => regexProblem(source) === undefined });
  for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')), file.replace(/\.schema\.json$/, ''));
  }
  return ajv;
}

/** @type {Ajv | undefined} */
let shared;

/**
 * The problems of one data file's parsed value, one line each: `file:line:column: field: what was expected`
 * (the line and column when the YAML document is given). An empty list when the value fits its schema.
 * @param {string} file the file's path relative to the repository, as the message names it
 * @param {unknown} value the parsed value
 * @param {{ source?: { document: import('yaml').Document, lines: import('yaml').LineCounter }, schema?: string }} [options]
 *   the parsed document, to locate problems in it; a schema name other than the one the file's path selects
 * @returns {string[]}
 */
function validateData(file, value, options = {}) {
  const name = options.schema ?? schemaNameFor(file.split(path.sep).join('/'));
  if (!name) return [`${file}: no schema checks this data file: add one to server/data/schemas and a rule to scripts/validate-data.cjs`];
  const ajv = (shared ??= createAjv());
  const validate = ajv.getSchema(name);
  if (!validate) return [`${file}: its schema server/data/schemas/${name}.schema.json does not exist`];
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // A oneOf whose branches all fail reports each branch's error too; one line naming every accepted shape says more.
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const inBranch = (/** @type {import('ajv').ErrorObject} */ e) => alternatives.some((a) => a !== e && e.instancePath === a.instancePath && e.schemaPath.startsWith(`${a.schemaPath}/`) && e.keyword === 'type');
  const lines = [];
  for (const error of errors) {
    if (inBranch(error) || error.keyword === 'if') continue;
    const at = valueAt(value, error.instancePath);
    let text;
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      const branches = errors.filter((e) => e !== error && e.schemaPath.startsWith(`${error.schemaPath}/`));
      // A branch of the value's own shape failed deeper down: its own lines say what is wrong.
      if (branches.some((e) => e.keyword !== 'type' || e.instancePath !== error.instancePath)) continue;
      const types = branches.map((e) => /** @type {any} */ (e.params).type);
      if (!types.length) continue;
      text = `expected ${[...new Set(types)].map((t) => typeNames[t] ?? t).join(' or ')}, got ${kindOf(at)}`;
    } else {
      text = expected(error, at);
    }
    const field = error.keyword === 'additionalProperties' ? `${error.instancePath}/${/** @type {any} */ (error.params).additionalProperty}` : error.instancePath;
    lines.push(`${locate(file, options.source, field)}: ${fieldPath(field)}: ${text}`);
  }
  return [...new Set(lines)];
}

/** `file:line:column` of the node at a JSON pointer (of the key, for an unknown key), or `file` alone. */
function locate(/** @type {string} */ file, /** @type {{ document: import('yaml').Document, lines: import('yaml').LineCounter } | undefined} */ source, /** @type {string} */ pointer) {
  if (!source) return file;
  const keys = pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let node = /** @type {any} why: yaml's node classes */ (source.document.getIn(keys, true));
  if (!node?.range) {
    const parent = /** @type {any} */ (source.document.getIn(keys.slice(0, -1), true));
    node = parent?.items?.find((/** @type {any} */ pair) => pair.key?.value === keys.at(-1))?.key ?? parent;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return file;
  const { line, col } = source.lines.linePos(offset);
  return `${file}:${line}:${col}`;
}

/**
 * Parses and checks one YAML data file.
 * @param {string} file the file's path relative to the repository
 * @param {string} text its contents
 * @returns {{ value: unknown, problems: string[] }}
 */
function checkDataText(file, text, schema = /** @type {string | undefined} */ (undefined)) {
  const lines = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { uniqueKeys: true, lineCounter: lines });
  if (document.errors.length) {
    return { value: undefined, problems: document.errors.map((e) => `${file}${e.linePos ? `:${e.linePos[0].line}:${e.linePos[0].col}` : ''}: ${e.message.split('\n')[0]}`) };
  }
  const value = document.toJS();
  return { value, problems: validateData(file, value, { source: { document, lines }, ...(schema && { schema }) }) };
}

/** The YAML files of the data folders, relative to the repository, in name order. */
function dataFiles() {
  return dataDirs.flatMap((dir) => fs.readdirSync(path.join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => `${dir}/${f}`));
}

/** The name of the type alias a `#/definitions/…` reference becomes: `#/definitions/slotWeight` → `SlotWeight`. */
function typeName(/** @type {string} */ ref) {
  const name = ref.split('/').at(-1) ?? 'Value';
  return name[0].toUpperCase() + name.slice(1);
}

/**
 * A TypeScript type for values a JSON Schema accepts (the subset the data schemas use).
 * @param {any} schema why: a JSON Schema is any JSON
 * @param {any} rootSchema the schema `$ref`s point into
 * @param {string} indent
 * @returns {string}
 */
function typeOf(schema, rootSchema, indent = '') {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema.$ref) return typeName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)).join(' | ');
  const union = schema.oneOf ?? schema.anyOf;
  if (union) return union.map((/** @type {any} */ s) => typeOf(s, rootSchema, indent)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((/** @type {string} */ type) => {
    switch (type) {
      case 'string': return 'string';
      case 'number': case 'integer': return 'number';
      case 'boolean': return 'boolean';
      case 'null': return 'null';
      case 'array': {
        const item = typeOf(schema.items, rootSchema, indent);
        if (schema.minItems !== undefined && schema.minItems === schema.maxItems && schema.maxItems <= 8) return `[${Array(schema.minItems).fill(item).join(', ')}]`;
        return /[|&]/.test(item) ? `(${item})[]` : `${item}[]`;
      }
      case 'object': {
        const inner = `${indent}  `;
        const required = new Set(schema.required ?? []);
        const fields = Object.entries(schema.properties ?? {}).map(([key, value]) => `${inner}${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}${required.has(key) ? '' : '?'}: ${typeOf(value, rootSchema, inner)};`);
        if (schema.additionalProperties && schema.additionalProperties !== false) {
          const keys = schema.propertyNames?.enum ? schema.propertyNames.enum.map((/** @type {string} */ k) => JSON.stringify(k)).join(' | ') : 'string';
          const rest = `${keys === 'string' ? `{ [key: string]: ` : `{ [key in ${keys}]?: `}${typeOf(schema.additionalProperties, rootSchema, inner)} }`;
          return fields.length ? `{\n${fields.join('\n')}\n${indent}} & ${rest}` : rest;
        }
        return `{\n${fields.join('\n')}\n${indent}}`;
      }
      default: return 'unknown';
    }
  }).join(' | ');
}

/** The text of server/src/yaml.d.ts: a namespace of types per schema, and a module declaration per data file. */
function typeDeclarations() {
  const ajv = (shared ??= createAjv());
  const files = dataFiles();
  const schemas = [...new Set(files.map(schemaNameFor))].sort();
  const spaceOf = (/** @type {string | undefined} */ name) => typeName(`/${name ?? 'unknown'}`.replace(/-(\w)/g, (_, c) => c.toUpperCase()));
  const spaces = schemas.map((name) => {
    const schema = /** @type {any} */ (ajv.getSchema(name ?? '')?.schema);
    const aliases = Object.entries(schema?.definitions ?? {}).map(([key, definition]) => `    type ${typeName(key)} = ${typeOf(definition, schema, '    ')};\n`);
    return `  /** server/data/schemas/${name}.schema.json */\n  namespace ${spaceOf(name)} {\n${aliases.join('')}    type File = ${typeOf(schema, schema, '    ')};\n  }`;
  });
  const modules = files.map((file) => `declare module '*/${file.split('/').slice(-2).join('/')}' {\n  const data: DataFiles.${spaceOf(schemaNameFor(file))}.File;\n  export default data;\n}`);
  return `// Written by scripts/validate-data.cjs when the bundles are built (node esbuild.js): do not edit.
// A YAML data file is parsed at build time and embedded as its value (esbuild.js, \`yamlData\`), after it is
// checked against its JSON Schema; these are the types of those values, derived from the same schemas.

declare namespace DataFiles {
${spaces.join('\n\n')}
}

${modules.join('\n\n')}
`;
}

/**
 * Checks every data file and brings server/src/yaml.d.ts up to date. Throws with every problem found.
 * @returns {Map<string, unknown>} the parsed value of every data file, by absolute path
 */
function checkAllData() {
  const values = new Map();
  const problems = [];
  for (const file of dataFiles()) {
    const result = checkDataText(file, fs.readFileSync(path.join(root, file), 'utf8'));
    problems.push(...result.problems);
    values.set(path.join(root, file), result.value);
  }
  if (problems.length) throw new Error(`Data files do not match their schemas (server/data/schemas):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const declarations = typeDeclarations();
  const target = path.join(root, 'server/src/yaml.d.ts');
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== declarations) fs.writeFileSync(target, declarations);
  return values;
}

module.exports = { validateData, checkDataText, checkAllData, dataFiles, schemaNameFor, typeDeclarations };
