import { isTerminal, taskErrorOf } from './task';

describe('task', () => {
  it.each([
    ['VM_NOT_FOUND', 'gone', { code: 'VM_NOT_FOUND', message: 'gone' }],
    ['AGENT_TIMEOUT', null, { code: 'AGENT_TIMEOUT', message: 'AGENT_TIMEOUT' }],
    [null, 'a message without a code is progress text, not an error', null],
    [null, null, null],
  ])('reads error code %p with message %p as %p', (code, message, expected) => {
    expect(taskErrorOf(code, message)).toEqual(expected);
  });

  it.each([
    ['QUEUED', false],
    ['RUNNING', false],
    ['SUCCEEDED', true],
    ['FAILED', true],
    ['CANCELLED', true],
  ] as const)('treats %s as terminal: %s', (state, terminal) => {
    expect(isTerminal(state)).toBe(terminal);
  });
});
