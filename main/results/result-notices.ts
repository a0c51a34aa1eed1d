// "A result has arrived" for something this kiosk or its staff started (issue 10 §1): one place
// every workflow announces through — the kiosk's own submissions (capture), guest links and queued
// applications (their services call `announce`). Carries no personal data: the notice shows on
// every screen, so only the id and the kiosk reference travel. Runs in main.
import type { ResultArrival } from '../../preload/contract';

export type ResultNotices = {
  /** Tells every screen a result is ready for `id`; announced once per id. */
  announce(arrival: Omit<ResultArrival, 'at'>): void;
};

export function createResultNotices(opts: { emit(arrival: ResultArrival): void; now(): number }): ResultNotices {
  const announced = new Set<string>();
  return {
    announce(arrival) {
      if (announced.has(arrival.id)) return;
      announced.add(arrival.id);
      opts.emit({ ...arrival, at: opts.now() });
    },
  };
}
