import { isUuid } from './ids';

describe('isUuid', () => {
  it.each([
    ['4b0c8d0e-2f1a-4c55-9a6b-0d6f0e1c2a3b', true],
    ['4B0C8D0E-2F1A-4C55-9A6B-0D6F0E1C2A3B', true],
    ['4b0c8d0e2f1a4c559a6b0d6f0e1c2a3b', false],
    ['not-a-uuid', false],
    ['', false],
    ["4b0c8d0e-2f1a-4c55-9a6b-0d6f0e1c2a3b' or 1=1", false],
  ])('%p is a uuid: %p', (id, expected) => {
    expect(isUuid(id)).toBe(expected);
  });
});
