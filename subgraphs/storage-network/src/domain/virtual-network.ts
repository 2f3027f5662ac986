export const NetworkType = {
  VLAN: 'VLAN',
  OVERLAY: 'OVERLAY',
  EXTERNAL: 'EXTERNAL',
} as const;
export type NetworkType = (typeof NetworkType)[keyof typeof NetworkType];

export interface VirtualNetworkRecord {
  id: string;
  name: string;
  type: NetworkType;
  vlanId: number | null;
  cidr: string;
  gateway: string | null;
  dhcpEnabled: boolean;
  /** Host addresses in the CIDR minus the gateway, fixed when the network was created. */
  usableAddresses: number;
  createdAt: Date;
}

/**
 * Addresses still free. Never negative: a network recreated with a smaller usable count than
 * rows it once handed out must not show a nonsensical figure.
 */
export function freeAddresses(network: Pick<VirtualNetworkRecord, 'usableAddresses'>, allocated: number): number {
  return Math.max(network.usableAddresses - allocated, 0);
}
