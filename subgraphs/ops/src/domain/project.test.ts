import { quotaShortfalls, type Usage } from './project';

const usage: Usage = { vcpus: 8, memoryMib: 16384, vms: 4, storageGib: 100 };

describe('quotaShortfalls', () => {
  it.each([
    ['limits at or above usage', { vcpus: 8, memoryMib: 20000, vms: 4, storageGib: 500 }, []],
    ['unlimited and unchanged limits', { vcpus: null, storageGib: undefined }, []],
    ['one limit below usage', { vms: 3 }, [{ resource: 'vms', limit: 3, used: 4 }]],
    ['several limits below usage, all reported', { vcpus: 0, memoryMib: 1024 }, [
      { resource: 'vcpus', limit: 0, used: 8 },
      { resource: 'memoryMib', limit: 1024, used: 16384 },
    ]],
  ])('%s', (_name, change, expected) => {
    expect(quotaShortfalls(change, usage)).toEqual(expected);
  });
});
