/**
 * File names in text output (issue 18 point 18): a name is data, and a name holding a newline, an
 * ANSI escape or another control character must not forge a line or repaint the terminal. Such
 * names are shown quoted with escapes (JSON string syntax); ordinary names are shown as they are.
 */

/** C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `name` as it is when it is safe to print, else JSON-quoted with every control character escaped. */
export function quotePath(name: string): string {
  if (!UNSAFE.test(name)) return name;
  return JSON.stringify(name).replace(UNSAFE_ALL, escape);
}

/** One line of text with every control character (newlines included) escaped: for error and warning lines. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_ALL, (c) => (c === '\n' ? '\\n' : c === '\t' ? ' ' : escape(c)));
}

/** Multi-line text with every control character but the newline escaped: for text results. */
export function textOnly(text: string): string {
  return text.replace(UNSAFE_ALL, (c) => (c === '\n' ? c : c === '\t' ? ' ' : escape(c)));
}
