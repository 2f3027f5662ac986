import { freeAddresses } from './virtual-network';

describe('freeAddresses', () => {
  it.each([
    [254, 0, 254],
    [254, 10, 244],
    [2, 2, 0],
    [2, 3, 0],
  ])('a network of %d usable addresses with %d allocated has %d free', (usable, allocated, free) => {
    expect(freeAddresses({ usableAddresses: usable }, allocated)).toBe(free);
  });
});
