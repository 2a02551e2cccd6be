/**
 * A comp's sections file (docs/sections.md): a YAML list of `{ name, startSeconds, endSeconds }`,
 * or a map with that list under `sections:`. Errors name the file, line and key (exit 2): a
 * bad value, sections out of order or overlapping, and (checked once the takes are known)
 * sections beyond the takes' end.
 */
import { z } from 'zod/v3';
import { UsageError } from '../errors.js';
import { readLimited, resolveLimits } from '../engines/mix/limits.js';
import { parseYamlWithLines, zodError, type KeyPath } from './mix.js';
import type { Section } from '../engines/comp/measures.js';

const sectionSchema = z
  .object({
    name: z.string().min(1),
    startSeconds: z.number().min(0),
    endSeconds: z.number().min(0),
  })
  .strict();

const fileSchema = z.union([
  z.array(sectionSchema).min(1),
  z.object({ sections: z.array(sectionSchema).min(1) }).strict(),
]);

export interface LoadedSections {
  file: string;
  sections: Section[];
  /** `sections.yaml:4 [2].endSeconds` for a section's key. */
  locate(index: number, key?: keyof Section): string;
}

export async function loadSections(file: string): Promise<LoadedSections> {
  const text = await readLimited(file, resolveLimits(undefined), 'sections');
  const { data, locate, valueAt } = await parseYamlWithLines(text, file);
  const nested = data !== null && typeof data === 'object' && !Array.isArray(data);
  const parsed = fileSchema.safeParse(data ?? null);
  if (!parsed.success) {
    // report against the list's own shape so the path names the section and key
    const list = nested ? (data as { sections?: unknown }).sections : data;
    const inner = z
      .array(sectionSchema)
      .min(1)
      .safeParse(list ?? null);
    const issue = inner.success ? parsed.error.issues[0]! : inner.error.issues[0]!;
    const prefix: KeyPath = nested && !inner.success ? ['sections'] : [];
    const moved = { ...issue, path: [...prefix, ...issue.path] } as typeof issue;
    if (!Array.isArray(list))
      throw new UsageError(
        `${locate([])}: expected a list of sections ({ name, startSeconds, endSeconds }), see docs/sections.md`,
      );
    throw zodError(moved, locate, valueAt);
  }
  const sections = Array.isArray(parsed.data) ? parsed.data : parsed.data.sections;
  const at = (i: number, key?: keyof Section): string => {
    const p: KeyPath = [...(nested ? ['sections'] : []), i, ...(key ? [key] : [])];
    return locate(p);
  };
  sections.forEach((s, i) => {
    if (s.endSeconds <= s.startSeconds)
      throw new UsageError(
        `${at(i, 'endSeconds')}: section "${s.name}" ends (${s.endSeconds} s) at or before it starts ` +
          `(${s.startSeconds} s)`,
      );
    const prev = sections[i - 1];
    if (prev && s.startSeconds < prev.endSeconds)
      throw new UsageError(
        `${at(i, 'startSeconds')}: section "${s.name}" starts at ${s.startSeconds} s, inside "${prev.name}" ` +
          `(${prev.startSeconds}–${prev.endSeconds} s); sections must be in order and must not overlap`,
      );
  });
  return { file, sections, locate: at };
}
