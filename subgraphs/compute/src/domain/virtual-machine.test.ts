import { vmSpecOf } from './virtual-machine';
import { isUuid } from './uuid';

describe('virtual machine', () => {
  it('builds the spec from the row columns, reading the host selector map', () => {
    expect(
      vmSpecOf({ vcpus: 4, memoryMib: 8192, image: 'ubuntu-24.04', restartPriority: 'HIGH', hostSelector: { gpu: 'a100', bad: 3 } }),
    ).toEqual({ vcpus: 4, memoryMib: 8192, image: 'ubuntu-24.04', restartPriority: 'HIGH', hostSelector: { gpu: 'a100' } });
  });

  it('reads a missing host selector as no requirement', () => {
    expect(vmSpecOf({ vcpus: 1, memoryMib: 512, image: null, restartPriority: 'MEDIUM', hostSelector: null }).hostSelector).toEqual({});
  });

  it.each([
    ['3f0e8b52-1c9a-4b7e-9d3e-2a6f1b0c9d8e', true],
    ['00000000-0000-0000-0000-000000000001', true],
    ['3F0E8B52-1C9A-4B7E-9D3E-2A6F1B0C9D8E', true],
    ['not-a-uuid', false],
    ['3f0e8b52-1c9a-4b7e-9d3e-2a6f1b0c9d8', false],
    ["3f0e8b52-1c9a-4b7e-9d3e-2a6f1b0c9d8e' OR 1=1", false],
    ['', false],
  ])('accepts %p as a uuid: %s', (id, ok) => {
    expect(isUuid(id)).toBe(ok);
  });
});
