import { HOST_SUBSET_SIZE, tryOrder } from './placement';

describe('tryOrder', () => {
  it('shuffles only the best few and keeps the rest in score order', () => {
    const ranked = ['a', 'b', 'c', 'd', 'e'];
    const order = tryOrder(ranked, () => 0);
    expect(order.slice(HOST_SUBSET_SIZE)).toEqual(['d', 'e']);
    expect([...order.slice(0, HOST_SUBSET_SIZE)].sort()).toEqual(['a', 'b', 'c']);
    expect(order.slice(0, HOST_SUBSET_SIZE)).not.toEqual(['a', 'b', 'c']);
  });

  it('keeps a single candidate as it is', () => {
    expect(tryOrder(['only'])).toEqual(['only']);
  });
});
