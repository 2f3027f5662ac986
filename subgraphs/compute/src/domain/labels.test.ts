import { labelMapOf } from './labels';

describe('labels', () => {
  it.each([
    [{ env: 'prod', tier: 'web' }, { env: 'prod', tier: 'web' }],
    [{ env: 'prod', port: 80, nested: { a: 'b' }, nothing: null }, { env: 'prod' }],
    [['env', 'prod'], {}],
    ['env=prod', {}],
    [null, {}],
  ])('reads the stored JSON %j as the label map %j', (json, expected) => {
    expect(labelMapOf(json)).toEqual(expected);
  });
});
