// Results that arrived for something this kiosk started (`results.arrived`), waiting to be opened
// or dismissed (renderer). Non-personal: an id and the kiosk reference only, so it may outlive the
// visitor; the notice itself is never shown while the screen is locked.
import { create } from 'zustand';
import type { ResultArrival } from '../../../preload/contract';
import type { Bridge } from '../bridge';

/** More than this waiting, and the oldest go: the Results screen lists them all. */
const KEEP = 5;

type ResultNoticesState = { arrivals: ResultArrival[] };

export const useResultNotices = create<ResultNoticesState>(() => ({ arrivals: [] }));

export function addArrival(arrival: ResultArrival): void {
  useResultNotices.setState((s) => ({ arrivals: [...s.arrivals.filter((a) => a.id !== arrival.id), arrival].slice(-KEEP) }));
}

export function dismissArrival(id: string): void {
  useResultNotices.setState((s) => ({ arrivals: s.arrivals.filter((a) => a.id !== id) }));
}

/** Follows `results.arrived`; returns the function that stops listening. */
export function startResultNoticesSync(bridge: Bridge): () => void {
  return bridge.on('results.arrived', addArrival);
}
