export { EventQueue } from './eventQueue.js';
export { Environment, StalledError } from './environment.js';
export type { EventId, EveryOptions, Handler, RunOptions } from './environment.js';
export { createStream } from './random.js';
export type { RandomStream } from './random.js';
export { bernoulli, exponential, lognormal, normal, uniform } from './distributions.js';
