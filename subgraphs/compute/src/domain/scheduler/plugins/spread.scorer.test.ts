import { createCycleState } from '../framework';
import { fakeHost, fakeRequest } from '../fake-host';
import { freeShareScore, leastAllocatedScore, spreadArgs, spreadScorer } from './spread.scorer';

describe('spread scorer', () => {
  it.each([
    { allocatable: 100, used: 0, score: 100 },
    { allocatable: 100, used: 25, score: 75 },
    { allocatable: 100, used: 100, score: 0 },
    { allocatable: 100, used: 150, score: 0 },
    { allocatable: 0, used: 0, score: 0 },
  ])('scores $used used of $allocatable as $score', ({ allocatable, used, score }) => {
    expect(freeShareScore(allocatable, used)).toBe(score);
  });

  it.each([
    // host: 32 vCPU / 96 GiB allocatable; request 2 vCPU / 2 GiB unless stated.
    { allocated: { vcpus: 0, memoryMib: 0 }, req: { vcpus: 0, memoryMib: 0 }, score: 100 },
    { allocated: { vcpus: 14, memoryMib: 0 }, req: { vcpus: 2, memoryMib: 0 }, score: 75 },
    { allocated: { vcpus: 16, memoryMib: 49_152 }, req: { vcpus: 0, memoryMib: 0 }, score: 50 },
    { allocated: { vcpus: 30, memoryMib: 96_256 }, req: { vcpus: 2, memoryMib: 2048 }, score: 0 },
  ])('with $allocated allocated and request $req scores $score', ({ allocated, req, score }) => {
    const host = fakeHost({ allocatable: { vcpus: 32, memoryMib: 98_304 }, allocated });
    expect(leastAllocatedScore(host, req)).toBeCloseTo(score, 9);
  });

  it.each([
    { weights: { cpu: 1, memory: 1 }, score: 50 },
    { weights: { cpu: 1, memory: 0 }, score: 100 },
    { weights: { cpu: 0, memory: 1 }, score: 0 },
    { weights: { cpu: 1, memory: 3 }, score: 25 },
  ])('weighs resources $weights into $score for an idle CPU and a full memory', ({ weights, score }) => {
    const host = fakeHost({ allocatable: { vcpus: 10, memoryMib: 1000 }, allocated: { vcpus: 0, memoryMib: 1000 } });
    expect(leastAllocatedScore(host, { vcpus: 0, memoryMib: 0 }, weights)).toBe(score);
  });

  it('scores an emptier host higher than a fuller one', () => {
    const plugin = spreadScorer();
    const state = createCycleState();
    const empty = plugin.score(state, fakeRequest(), fakeHost({ allocated: { vcpus: 0 } }));
    const busy = plugin.score(state, fakeRequest(), fakeHost({ allocated: { vcpus: 20 } }));
    expect(empty).toBeGreaterThan(busy);
  });

  it.each([
    { args: {}, ok: true },
    { args: { resourceWeights: { memory: 2 } }, ok: true },
    { args: { resourceWeights: { cpu: -1 } }, ok: false },
    { args: { resourceWeights: { cpu: 0, memory: 0 } }, ok: false },
    { args: { weight: 2 }, ok: false },
  ])('validates args $args: $ok', ({ args, ok }) => {
    expect(spreadArgs.safeParse(args).success).toBe(ok);
  });
});
