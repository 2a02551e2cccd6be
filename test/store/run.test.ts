import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from '../../src/store/run.js';

test('run ids are RFC 9562 UUIDv7, time-ordered', () => {
  const a = uuidv7(1_700_000_000_000);
  const b = uuidv7(1_700_000_000_001);
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(a < b);
  assert.equal(parseInt(a.replace(/-/g, '').slice(0, 12), 16), 1_700_000_000_000);
  assert.notEqual(uuidv7(5), uuidv7(5));
});
