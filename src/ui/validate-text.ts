/** Human-readable validate verdicts (stdout without --json): every check with what it measured, failures first. */
import type { ValidateResult } from '../commands/validate.js';
import { quotePath } from '../io/names.js';

export function formatValidateText(r: ValidateResult): string {
  const lines = [quotePath(r.file)];
  const width = Math.max(...r.platforms.map((p) => p.platform.length));
  for (const p of r.platforms) {
    const failed = p.checks.filter((c) => !c.passed);
    lines.push(
      `  ${p.platform.padEnd(width)}  ${p.passed ? 'PASS' : 'FAIL'}  ` +
        `${p.passed ? `${p.checks.length} checks passed` : `${failed.length} of ${p.checks.length} checks failed`}`,
    );
    for (const c of failed) lines.push(`    ✗ ${c.id}: ${c.message}`);
    for (const c of p.checks.filter((c) => c.passed)) lines.push(`    ✓ ${c.id}: ${c.message}`);
  }
  return lines.join('\n');
}
