/**
 * JUnit XML of validate, read back with an XML parser (fast-xml-parser): well-formed, counts per
 * suite and in total, failure messages and details, unreadable files as errors, and file names with
 * `<&"'>` and control characters escaped so that they read back as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatJunit } from '../../src/ui/junit.js';
import type { ValidateResult } from '../../src/commands/validate.js';

const NASTY = `mixes/<v2> & "final" 'A'.wav`;

const results: ValidateResult[] = [
  {
    file: NASTY,
    platforms: [
      {
        platform: 'spotify',
        passed: false,
        checks: [
          {
            id: 'integrated-loudness',
            passed: false,
            measured: -9.2,
            limit: { min: -15, max: -13 },
            message: 'integrated loudness -9.2 LUFS is above -13 LUFS: turn it down 4.2 dB & re-export',
          },
          { id: 'true-peak', passed: true, measured: -1.5, limit: -1, message: 'true peak -1.5 dBTP <= -1 dBTP' },
        ],
      },
      {
        platform: 'apple-music',
        passed: true,
        checks: [{ id: 'true-peak', passed: true, measured: -1.5, limit: -1, message: 'ok' }],
      },
    ],
  },
  {
    file: 'b.wav',
    platforms: [
      {
        platform: 'spotify',
        passed: false,
        checks: [
          { id: 'sample-rate', passed: false, measured: 22050, limit: [44100, 48000], message: 'rate\u0007 22050 Hz' },
        ],
      },
    ],
  },
];

interface Case {
  '@_classname': string;
  '@_name': string;
  '@_file': string;
  failure?: { '#text': string; '@_message': string; '@_type': string };
  error?: { '@_message': string; '@_type': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  testcase: Case[];
}

function parse(xml: string) {
  assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } };
  return doc.testsuites;
}

test('one suite per platform with the right counts; failures carry message, type and measured/limit', () => {
  const xml = formatJunit(['spotify', 'apple-music'], results, [
    { file: 'broken & <old>.wav', message: 'WAV header is truncated ("data" runs past the end)' },
  ]);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const top = parse(xml);
  assert.equal(top['@_name'], 'shub validate');
  // spotify: 2 + 1 checks + 1 unreadable; apple-music: 1 check + 1 unreadable
  assert.deepEqual([top['@_tests'], top['@_failures'], top['@_errors']], ['6', '2', '2']);
  const [spotify, apple] = top.testsuite;
  assert.deepEqual(
    [spotify!['@_name'], spotify!['@_tests'], spotify!['@_failures'], spotify!['@_errors']],
    ['spotify', '4', '2', '1'],
  );
  assert.deepEqual(
    [apple!['@_name'], apple!['@_tests'], apple!['@_failures'], apple!['@_errors']],
    ['apple-music', '2', '0', '1'],
  );
  assert.equal(spotify!.testcase.length, 4);
  const failed = spotify!.testcase.filter((c) => c.failure);
  assert.deepEqual(
    failed.map((c) => [c['@_name'], c.failure!['@_type'], c.failure!['@_message']]),
    [
      [
        `${NASTY}: integrated-loudness`,
        'integrated-loudness',
        'integrated loudness -9.2 LUFS is above -13 LUFS: turn it down 4.2 dB & re-export',
      ],
      ['b.wav: sample-rate', 'sample-rate', 'rate 22050 Hz'],
    ],
  );
  assert.equal(failed[0]!.failure!['#text'], 'measured: -9.2; limit: {"min":-15,"max":-13}');
  assert.equal(failed[1]!.failure!['#text'], 'measured: 22050; limit: [44100,48000]');
  const ok = spotify!.testcase.find((c) => c['@_name'] === `${NASTY}: true-peak`)!;
  assert.equal(ok.failure, undefined);
  assert.equal(ok['@_file'], NASTY, 'the file name reads back as written');
  assert.equal(ok['@_classname'], 'shub.validate.spotify');
  for (const suite of top.testsuite) {
    const bad = suite.testcase.find((c) => c.error)!;
    assert.equal(bad['@_name'], 'broken & <old>.wav: readable');
    assert.equal(bad.error!['@_type'], 'unreadable');
    assert.equal(bad.error!['@_message'], 'WAV header is truncated ("data" runs past the end)');
  }
});

test('the raw text escapes & < > " in attributes and drops control characters', () => {
  const xml = formatJunit(['spotify'], results, []);
  assert.ok(xml.includes('file="mixes/&lt;v2&gt; &amp; &quot;final&quot; \'A\'.wav"'));
  assert.ok(!xml.includes('\u0007'));
  assert.ok(!/&(?!amp;|lt;|gt;|quot;)/.test(xml), 'every & starts an entity');
});

test('no files: empty suites that still parse, zero counts', () => {
  const top = parse(formatJunit(['spotify', 'youtube'], [], []));
  assert.deepEqual([top['@_tests'], top['@_failures'], top['@_errors']], ['0', '0', '0']);
  assert.deepEqual(
    top.testsuite.map((s) => [s['@_name'], s['@_tests']]),
    [
      ['spotify', '0'],
      ['youtube', '0'],
    ],
  );
});
