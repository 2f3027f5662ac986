import { passwordProblem, usernameProblem } from './credentials-policy';

describe('username rule', () => {
  it.each<[string, boolean]>([
    ['alice', true],
    ['bob.smith_2-x', true],
    ['abc', true],
    ['a'.repeat(64), true],
    ['ab', false],
    ['a'.repeat(65), false],
    ['Alice', false],
    ['al ice', false],
    ['alice@example', false],
    ['élodie', false],
    ['', false],
  ])('%s is acceptable: %s', (username, ok) => {
    expect(usernameProblem(username) === null).toBe(ok);
  });
});

describe('password rule', () => {
  it.each<[string, string | null]>([
    ['correct horse battery', null],
    ['twelve-chars', null],
    ['eleven-char', 'password must be at least 12 characters long'],
    ['', 'password must be at least 12 characters long'],
    // Length counts characters; the byte limit counts UTF-8 bytes (4 per emoji).
    ['😀'.repeat(19), 'password must be at most 72 bytes (UTF-8) long'],
    ['😀'.repeat(12), null],
    ['x'.repeat(72), null],
    ['x'.repeat(73), 'password must be at most 72 bytes (UTF-8) long'],
  ])('%j -> %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
