/**
 * zod schemas derived from parameter declarations (src/engines/dsp/params.ts): the recipe schema
 * never writes a range itself. Messages carry the range with its unit and the value, in the
 * words the recipe loader prints after `file:line key:` (src/recipes/issue.ts issueText):
 * `mix.yaml:14 tracks[2].compressor.attackMs: expected a number in (0, 2000] ms, got 0`.
 */
import { z } from 'zod/v3';
import { expectation, rangeText, type ParameterSpec } from '../engines/dsp/params.js';

/** The number schema of one declared parameter: its range with open or closed ends, never a clamp. */
export function zodFor(spec: ParameterSpec): z.ZodNumber {
  // one message for every way the value can be wrong (missing, not a number, out of range, not whole)
  const errorMap: z.ZodErrorMap = (_issue, ctx) => ({
    message:
      ctx.data === undefined
        ? `missing; ${expectation(spec)}`
        : `${expectation(spec)}, got ${JSON.stringify(ctx.data) ?? String(ctx.data)}`,
  });
  const [lo, hi] = spec.range;
  const [openLo, openHi] = spec.open ?? [false, false];
  let schema = z.number({ errorMap });
  schema = openLo ? schema.gt(lo) : schema.min(lo);
  schema = openHi ? schema.lt(hi) : schema.max(hi);
  if (spec.integer) schema = schema.int();
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return schema.describe(`${spec.description} (${rangeText(spec)}; default ${spec.value}${unit})`);
}

/** A strict object of declared parameters, every key optional except `required`. */
export function zodObjectFor<const P extends Record<string, ParameterSpec>, const R extends keyof P = never>(
  params: P,
  required: readonly R[] = [],
) {
  const shape = Object.fromEntries(
    Object.entries(params).map(([k, spec]) => [
      k,
      (required as readonly string[]).includes(k) ? zodFor(spec) : zodFor(spec).optional(),
    ]),
  ) as { [K in keyof P]: K extends R ? z.ZodNumber : z.ZodOptional<z.ZodNumber> };
  return z.object(shape);
}
