// Policy: a cordoned host keeps its VMs but takes no new ones.
// Cordoning is the operator's switch, separate from the agent-reported phase, so
// a healthy READY host can still be kept out of placement (e.g. before upgrades).

import { z } from 'zod';
import { OK, unschedulable } from '../framework';
import type { FilterPlugin, HostSnapshot } from '../types';

export const SCHEDULABLE = 'schedulable';

/** No options: a cordon is always honoured. */
export const schedulableArgs = z.strictObject({});

export const REASON_CORDONED = 'host cordoned';

export function isCordoned(host: Pick<HostSnapshot, 'schedulable'>): boolean {
  return !host.schedulable;
}

export function schedulableFilter(): FilterPlugin {
  return {
    name: SCHEDULABLE,
    filter: (_state, _req, host) => (isCordoned(host) ? unschedulable(REASON_CORDONED) : OK),
    summarize: () => REASON_CORDONED,
  };
}
