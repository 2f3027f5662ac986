import { parseInput, UserErrorList } from '../../../platform/src';
import { requestHash } from './request-hash';
import { createVmSchema } from './vm-input.schema';

const valid = { name: 'web-1', projectId: '3f0e8b52-1c9a-4b7e-9d3e-2a6f1b0c9d8e', spec: { vcpus: 2, memoryMib: 2048 } };

/** The fields parseInput reports for `input`, as dotted paths. */
function badFields(input: object): string[] {
  try {
    parseInput(createVmSchema, input, { at: ['input'], fieldInMessage: true });
    return [];
  } catch (err) {
    if (!(err instanceof UserErrorList)) throw err;
    return err.errors.map((e) => (e.field ?? []).join('.'));
  }
}

describe('createVirtualMachine input', () => {
  it('accepts a minimal valid request', () => {
    expect(badFields(valid)).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['a name starting with a dash', { name: '-web' }, ['input.name']],
    ['a name with a space', { name: 'web 1' }, ['input.name']],
    ['a name of 64 characters', { name: 'a'.repeat(64) }, ['input.name']],
    ['a name of 63 characters with dots and underscores', { name: `a._-${'b'.repeat(59)}` }, []],
    ['0 vCPUs', { spec: { vcpus: 0, memoryMib: 2048 } }, ['input.spec.vcpus']],
    ['129 vCPUs', { spec: { vcpus: 129, memoryMib: 2048 } }, ['input.spec.vcpus']],
    ['64 MiB of memory', { spec: { vcpus: 1, memoryMib: 64 } }, ['input.spec.memoryMib']],
    ['memory not a multiple of 128', { spec: { vcpus: 1, memoryMib: 1000 } }, ['input.spec.memoryMib']],
    ['more than 1 TiB of memory', { spec: { vcpus: 1, memoryMib: 1_048_704 } }, ['input.spec.memoryMib']],
    ['21 labels', { labels: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }, ['input.labels']],
    ['a repeated label key', { labels: [{ key: 'env', value: 'a' }, { key: 'env', value: 'b' }] }, ['input.labels.1.key']],
    ['a label key ending with a dash', { labels: [{ key: 'env-', value: 'a' }] }, ['input.labels.0.key']],
    ['a prefixed label key', { labels: [{ key: 'limiquantix.io/zone', value: 'a' }] }, []],
    ['a malformed project id', { projectId: 'p1' }, ['input.projectId']],
    ['a malformed pinned host id', { hostId: 'h1' }, ['input.hostId']],
    ['an empty idempotency key', { idempotencyKey: '' }, ['input.idempotencyKey']],
    ['disks', { disks: [{ volumeId: valid.projectId }] }, ['input.disks']],
    ['an empty disk list', { disks: [], nics: [] }, []],
  ])('reports %s', (_, change, fields) => {
    expect(badFields({ ...valid, ...change })).toEqual(fields);
  });
});

describe('request hash', () => {
  it('ignores key order and tells different requests apart', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: null } })).toBe(requestHash({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});
