import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordOf, redactArgs, redactText, redactUrl } from '../../src/store/redact.js';

test('redactUrl hides the userinfo password and keeps the rest', () => {
  assert.equal(redactUrl('postgres://shub:s3cret@db.example:5432/shub'), 'postgres://shub:***@db.example:5432/shub');
  assert.equal(redactUrl('postgresql://shub@db/shub'), 'postgresql://shub@db/shub');
  assert.equal(
    redactUrl('postgresql://shub:p%40ss%2Fw0rd@db/shub?sslmode=require'),
    'postgresql://shub:***@db/shub?sslmode=require',
  );
  assert.equal(
    redactUrl('postgres://shub@db/shub?password=hunter22&sslmode=disable'),
    'postgres://shub@db/shub?password=***&sslmode=disable',
  );
});

test('passwordOf decodes userinfo and query passwords', () => {
  assert.equal(passwordOf('postgres://u:p%40ss@h/d'), 'p@ss');
  assert.equal(passwordOf('postgres://u@h/d?password=abc123'), 'abc123');
  assert.equal(passwordOf('postgres://u@h/d'), null);
});

test('redactArgs: --db URL, --db=URL and a literal secret anywhere in text', () => {
  assert.deepEqual(
    redactArgs(['analyze', 'a.wav', '--db', 'postgres://u:topsecret@h/d', '--db=postgresql://u:other@h/d']),
    ['analyze', 'a.wav', '--db', 'postgres://u:***@h/d', '--db=postgresql://u:***@h/d'],
  );
  assert.equal(
    redactText('password authentication failed: topsecret', ['topsecret']),
    'password authentication failed: ***',
  );
  assert.equal(redactText('host=h password=topsecret dbname=d'), 'host=h password=*** dbname=d');
  // a one-letter password does not blank out every letter
  assert.equal(redactText('a wave at a rate', ['a']), 'a wave at a rate');
  // a password holding '@' is hidden up to the host
  assert.equal(redactText('postgres://u:p@ss@h/d'), 'postgres://u:***@h/d');
});

test('quoted libpq values, percent-encoded secrets, and URLs the WHATWG parser refuses', () => {
  assert.equal(redactText("host=db password='a b c' user=x"), 'host=db password=*** user=x');
  assert.equal(redactText('failed for p%40ss%2Fword and p@ss/word', ['p@ss/word']), 'failed for *** and ***');
  // an invalid port: the fallback pattern still finds the password, undecodable escapes stay as written
  assert.equal(passwordOf('postgres://u:p%zz@h:bad/d'), 'p%zz');
  assert.equal(passwordOf('not a url'), null);
  // the password is hidden wherever it appears in the URL
  assert.equal(
    redactUrl('postgres://u:s3cret@h/d?application_name=s3cret'),
    'postgres://u:***@h/d?application_name=***',
  );
});
