/**
 * JUnit XML for CI test reporters: one testsuite per platform, one testcase per file × check;
 * a failed check is a <failure> carrying its message, an unreadable file an <error>.
 */
import type { ValidateResult } from '../commands/validate.js';

export interface UnreadableFile {
  file: string;
  message: string;
}

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function formatJunit(platforms: string[], results: ValidateResult[], unreadable: UnreadableFile[]): string {
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let errors = 0;
  for (const platform of platforms) {
    const cases: string[] = [];
    let sFail = 0;
    for (const r of results) {
      const verdict = r.platforms.find((p) => p.platform === platform);
      for (const c of verdict?.checks ?? []) {
        const head =
          `    <testcase classname="shub.validate.${esc(platform)}" name="${esc(`${r.file}: ${c.id}`)}" ` +
          `file="${esc(r.file)}" time="0"`;
        if (c.passed) cases.push(`${head}/>`);
        else {
          sFail++;
          const detail = `measured: ${JSON.stringify(c.measured)}; limit: ${JSON.stringify(c.limit)}`;
          cases.push(
            `${head}>\n      <failure message="${esc(c.message)}" type="${esc(c.id)}">${esc(detail)}</failure>\n    ` +
              `</testcase>`,
          );
        }
      }
    }
    for (const u of unreadable) {
      cases.push(
        `    <testcase classname="shub.validate.${esc(platform)}" name="${esc(`${u.file}: readable`)}" ` +
          `file="${esc(u.file)}" time="0">\n      <error message="${esc(u.message)}" type="unreadable"/>\n    ` +
          `</testcase>`,
      );
    }
    total += cases.length;
    failures += sFail;
    errors += unreadable.length;
    suites.push(
      `  <testsuite name="${esc(platform)}" tests="${cases.length}" failures="${sFail}" ` +
        `errors="${unreadable.length}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="shub validate" tests="${total}" ` +
    `failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`
  );
}
