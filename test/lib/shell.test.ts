import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, singleQuote } from '../../src/lib/shell.js';

describe('shellQuote', () => {
  it.each([
    ['plain', 'plain'],
    ['team-7', 'team-7'],
    ['a b', "'a b'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
    ['$HOME', "'$HOME'"],
    ['`id`', "'`id`'"],
    ['a;b', "'a;b'"],
    ['*', "'*'"],
    ['2026-12-01 04:00:00', "'2026-12-01 04:00:00'"],
    ['http://127.0.0.1:4040/video/v2', 'http://127.0.0.1:4040/video/v2'],
    ['a,b', 'a,b'],
  ])('%j -> %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it.each([
    "O'Brien's room",
    'tab\there',
    'new\nline',
    '"double" and \\back',
    '$(rm -rf ~)',
    '!bang',
    'ünïcode ✓',
  ])('a real shell reads %j back unchanged', (word) => {
    const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(word)}`], { encoding: 'utf8' });
    expect(echoed).toBe(word);
  });
});

describe('singleQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ['', "''"],
    ["it's", "'it'\\''s'"],
    ['$HOME *', "'$HOME *'"],
  ])('%j -> %s, always quoted', (word, quoted) => {
    expect(singleQuote(word)).toBe(quoted);
  });

  it.each(["O'Brien's room", 'new\nline', '$(id) `id` !x'])(
    'a real shell reads %j back unchanged',
    (word) => {
      const echoed = execFileSync('sh', ['-c', `printf '%s' ${singleQuote(word)}`], { encoding: 'utf8' });
      expect(echoed).toBe(word);
    },
  );
});
