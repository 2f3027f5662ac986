export const Provisioning = {
  THIN: 'THIN',
  THICK: 'THICK',
} as const;
export type Provisioning = (typeof Provisioning)[keyof typeof Provisioning];

export const VolumePhase = {
  CREATING: 'CREATING',
  AVAILABLE: 'AVAILABLE',
  IN_USE: 'IN_USE',
  RESIZING: 'RESIZING',
  DELETING: 'DELETING',
  ERROR: 'ERROR',
} as const;
export type VolumePhase = (typeof VolumePhase)[keyof typeof VolumePhase];

export interface VolumeRecord {
  id: string;
  name: string;
  poolId: string;
  projectId: string;
  sizeGib: number;
  provisioning: Provisioning;
  phase: VolumePhase;
  createdAt: Date;
}

/** Which volumes a list shows; absent keys do not filter. */
export interface VolumeFilter {
  projectId?: string;
  poolId?: string;
}
