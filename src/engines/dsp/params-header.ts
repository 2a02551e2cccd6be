/**
 * Writes the native parameter table, native/src/generated/dsp_params.h, from the declarations
 * in src/engines/dsp/params.ts: one `constexpr Param` (native/src/dsp/param.h) per parameter,
 * in a namespace per block. The header is committed (node-gyp builds before TypeScript exists)
 * and test/engines/dsp-params.test.ts fails when it differs from `dspParamsHeader()`.
 *
 * Regenerate: `npm run build:ts && node dist/src/engines/dsp/params-header.js`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DITHER_CHOICES, DSP_PARAMETER_GROUPS, type ParameterSpec } from './params.js';

/** Where the header lives, from the repository root. */
export const DSP_PARAMS_HEADER = path.join('native', 'src', 'generated', 'dsp_params.h');

const num = (x: number) => String(x);

/** `// text` wrapped at 116 columns. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = '//';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 116) {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

function paramLine(name: string, p: ParameterSpec): string {
  const [openLo, openHi] = p.open ?? [false, false];
  const fields = [
    JSON.stringify(name),
    JSON.stringify(p.unit),
    num(p.range[0]),
    num(p.range[1]),
    String(openLo),
    String(openHi),
    String(!!p.integer),
    num(p.value),
  ];
  return `inline constexpr Param ${name}{${fields.join(', ')}};`;
}

/** The header's text (clang-format is off inside: it is compared byte for byte). */
export function dspParamsHeader(): string {
  const out = [
    '// clang-format off',
    '// Generated from src/engines/dsp/params.ts by src/engines/dsp/params-header.ts: do not edit.',
    '// Regenerate: npm run build:ts && node dist/src/engines/dsp/params-header.js',
    '// (test/engines/dsp-params.test.ts fails while this file is out of date).',
    '#pragma once',
    '',
    '#include "dsp/param.h"',
    '',
    'namespace shub {',
    'namespace params {',
  ];
  for (const [group, params] of Object.entries(DSP_PARAMETER_GROUPS)) {
    if (group === 'masterStyle' || group === 'recipe') continue; // TypeScript only
    out.push('', `namespace ${group} {`);
    for (const [name, p] of Object.entries(params as Record<string, ParameterSpec>)) {
      out.push(...comment(p.description), paramLine(name, p));
    }
    if (group === 'masterTail') {
      const { bitDepth, dither } = DITHER_CHOICES;
      out.push(...comment(bitDepth.description));
      out.push(`inline constexpr int kBitDepths[] = {${bitDepth.values.join(', ')}};`);
      out.push(...comment(dither.description));
      out.push(
        `inline constexpr const char* kDitherModes[] = {${dither.values.map((v) => JSON.stringify(v)).join(', ')}};`,
      );
    }
    out.push(`}  // namespace ${group}`);
  }
  out.push('', '}  // namespace params', '}  // namespace shub', '// clang-format on', '');
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
  const file = path.join(root, DSP_PARAMS_HEADER);
  writeFileSync(file, dspParamsHeader());
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
