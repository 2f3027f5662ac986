// Policy: a VM pinned to a host lands on that host or nowhere.
// Pinning is an explicit operator choice (e.g. a VM bound to local hardware), so
// it is never relaxed; the other filters still apply to the pinned host.

import { z } from 'zod';
import { OK, unschedulable } from '../framework';
import type { FilterPlugin } from '../types';

export const PINNED_HOST = 'pinned-host';

/** No options: the pin comes with each request. */
export const pinnedHostArgs = z.strictObject({});

export const REASON_NOT_PINNED = 'not the pinned host';

/** Summary wording when the pinned id matches no host at all (deleted, or a typo). */
export function pinnedHostAbsentReason(pinnedHostId: string): string {
  return `${REASON_NOT_PINNED}, ${pinnedHostId}, which does not exist`;
}

/** True when the request is not pinned, or pinned to this host. */
export function passesPin(pinnedHostId: string | undefined, hostId: string): boolean {
  return pinnedHostId === undefined || pinnedHostId === hostId;
}

export function pinnedHostFilter(): FilterPlugin {
  return {
    name: PINNED_HOST,
    preFilter: (state, req, hosts) => {
      const pinned = req.pinnedHostId;
      if (pinned !== undefined) state.set(PINNED_HOST, hosts.some((h) => h.id === pinned));
    },
    filter: (_state, req, host) => (passesPin(req.pinnedHostId, host.id) ? OK : unschedulable(REASON_NOT_PINNED)),
    summarize: (state, req) =>
      req.pinnedHostId !== undefined && state.get<boolean>(PINNED_HOST) === false
        ? pinnedHostAbsentReason(req.pinnedHostId)
        : REASON_NOT_PINNED,
  };
}
