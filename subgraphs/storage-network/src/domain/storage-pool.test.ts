import { reachableHostIds, type StoragePoolType } from './storage-pool';

const fleet = ['h1', 'h2', 'h3'];

describe('reachableHostIds', () => {
  it.each<[StoragePoolType, string | null, string[]]>([
    ['LOCAL_LVM', 'h2', ['h2']],
    ['LOCAL_LVM', null, []],
    ['CEPH_RBD', null, fleet],
    ['NFS', null, fleet],
    ['NFS', 'h2', fleet],
  ])('a %s pool on host %p reaches %p', (type, hostId, expected) => {
    expect(reachableHostIds({ type, hostId }, fleet)).toEqual(expected);
  });
});
