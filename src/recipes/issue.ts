/**
 * One line for a schema issue, in the words of SPEC §3 (`expected a number >= 0, got -1`), shared by
 * recipes, rigs, drum sessions, sections, delivery targets and the config file. The schemas use zod's
 * v3 API (`zod/v3`, shipped inside zod 4): it loads 10 modules where zod 4's loads 95 (its 64 locales),
 * ≈ 0.13 CPU-s less start-up for every command that reads a YAML file. Only types are imported here.
 */
import type { ZodIssue } from 'zod/v3';

/**
 * Messages the schemas write themselves start in lower case (`expected …`, `missing; …`); zod's own
 * defaults start with a capital (`Required`, `Number must be …`) and are replaced here.
 */
const OWN_MESSAGE = /^(missing; )?expected /;

/** The value at `at` inside `root` (a parsed YAML or config document), or undefined. */
export function valueAtPath(root: unknown, at: readonly (string | number)[]): unknown {
  let v = root;
  for (const key of at) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** The issue's line; `actual` is the value found at its path (undefined: the key is missing). */
export function issueText(issue: ZodIssue, actual: unknown): string {
  if (OWN_MESSAGE.test(issue.message)) return issue.message;
  const got = actual === undefined ? 'nothing' : (JSON.stringify(actual) ?? String(actual));
  const oneOf = (values: readonly unknown[]) =>
    `${actual === undefined ? 'missing; ' : ''}expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}` +
    (actual === undefined ? '' : `, got ${got}`);
  switch (issue.code) {
    case 'invalid_type': {
      // an enum given a non-string: zod names the options as `'a' | 'b'`
      if (issue.expected.startsWith("'")) return oneOf(issue.expected.split(' | ').map((o) => o.slice(1, -1)));
      if (actual === undefined) return `missing; expected ${article(issue.expected)}`;
      return `expected ${article(issue.expected)}, got ${got}`;
    }
    case 'invalid_enum_value':
      return oneOf(issue.options);
    case 'invalid_literal':
      return `expected ${JSON.stringify(issue.expected)}, got ${got}`;
    case 'too_small':
      if (issue.type === 'array')
        return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.type === 'string') return 'must not be empty';
      return `expected a number ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}, got ${got}`;
    case 'too_big':
      if (issue.type === 'array') return `allows at most ${String(issue.maximum)} entries`;
      if (issue.type === 'string') return `allows at most ${String(issue.maximum)} characters`;
      return `expected a number ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}, got ${got}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_union': {
      // every alternative refused the value's type: name them all
      const types = issue.unionErrors
        .map((e) => e.issues[0])
        .map((i) => (i?.code === 'invalid_type' ? i.expected : ''));
      if (types.length > 0 && types.every(Boolean)) return `expected ${types.map(article).join(' or ')}, got ${got}`;
      return `${issue.message.toLowerCase()}: ${got}`;
    }
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
