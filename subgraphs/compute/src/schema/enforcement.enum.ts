import { registerEnumType } from 'type-graphql';
import type { Enforcement as EnforcementValue } from '../domain/affinity-rule';

export const Enforcement = {
  REQUIRED: 'REQUIRED',
  PREFERRED: 'PREFERRED',
} as const satisfies { [E in EnforcementValue]: E };

registerEnumType(Enforcement, { name: 'Enforcement' });
