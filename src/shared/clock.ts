/** Time and randomness as the server reads them; tests pass their own so that every run is deterministic. */
export interface Clock {
  now: () => Date;
  random: () => number;
}

export const systemClock: Clock = { now: () => new Date(), random: Math.random };
