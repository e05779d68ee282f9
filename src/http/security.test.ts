import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromOwnSite } from './security.ts';

test('a post from a page of this site passes, whether Host carries the default port or not', () => {
  assert.equal(fromOwnSite({ origin: 'http://127.0.0.1:3000' }, '127.0.0.1:3000'), true);
  assert.equal(fromOwnSite({ origin: 'http://localhost' }, 'localhost:80'), true);
  assert.equal(fromOwnSite({ origin: 'https://gk.example.gov.cn' }, 'GK.example.gov.cn'), true);
  assert.equal(fromOwnSite({ referer: 'https://gk.example.gov.cn/login?next=/staff' }, 'gk.example.gov.cn'), true);
});

test('a client that sends neither Origin nor Referer (not a browser) passes', () => {
  assert.equal(fromOwnSite({}, 'gk.example.gov.cn'), true);
});

test('another site, another port, Origin null and garbage are refused', () => {
  const host = 'gk.example.gov.cn';
  for (const headers of [
    { origin: 'https://evil.example' },
    { origin: 'https://gk.example.gov.cn.evil.example' },
    { origin: 'https://gk.example.gov.cn:8443' },
    { origin: 'null' },
    { origin: '' },
    { origin: 'data:text/html,x' },
    { referer: 'https://evil.example/gk.example.gov.cn' },
    // Origin wins over Referer.
    { origin: 'https://evil.example', referer: 'https://gk.example.gov.cn/' },
  ]) {
    assert.equal(fromOwnSite(headers, host), false, JSON.stringify(headers));
  }
  assert.equal(fromOwnSite({ origin: 'http://x' }, ''), false);
});
