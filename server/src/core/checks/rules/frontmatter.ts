import { limits } from '../../report/limits.js';
import type { Rule } from '../rule.js';

const keys = { yaml: 'frontmatter.yaml', 'not-a-mapping': 'frontmatter.notMapping', 'not-closed': 'frontmatter.notClosed', 'too-large': 'frontmatter.tooLarge' } as const;

/** Front matter that cannot be read: not YAML, not a mapping, never closed, or too large to read. */
export const frontmatter: Rule = {
  code: 'frontmatter',
  defaultSeverity: 'error',
  messages: Object.values(keys),
  run: ({ model, diagnostic }) =>
    model.frontMatterProblems.map((problem) => diagnostic(problem, keys[problem.kind], { detail: problem.detail, limit: limits.frontMatterCharacters })),
};
