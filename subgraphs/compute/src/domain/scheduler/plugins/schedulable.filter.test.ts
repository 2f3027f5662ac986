import { createCycleState } from '../framework';
import { fakeHost, fakeRequest } from '../fake-host';
import { isCordoned, REASON_CORDONED, schedulableFilter } from './schedulable.filter';

describe('schedulable filter', () => {
  const plugin = schedulableFilter();

  it.each([
    { schedulable: true, expected: { ok: true } },
    { schedulable: false, expected: { ok: false, reasons: ['host cordoned'] } },
  ])('with schedulable=$schedulable answers $expected', ({ schedulable, expected }) => {
    expect(plugin.filter(createCycleState(), fakeRequest(), fakeHost({ schedulable }))).toEqual(expected);
  });

  it('rejects a cordoned host even when it is READY and empty', () => {
    const host = fakeHost({ phase: 'READY', schedulable: false, allocated: { vcpus: 0, memoryMib: 0 } });
    expect(isCordoned(host)).toBe(true);
    expect(plugin.filter(createCycleState(), fakeRequest(), host)).toEqual({ ok: false, reasons: [REASON_CORDONED] });
  });

  it('summarizes with the same words as the reason', () => {
    expect(plugin.summarize?.(createCycleState(), fakeRequest(), [fakeHost({ schedulable: false })])).toBe(REASON_CORDONED);
  });
});
