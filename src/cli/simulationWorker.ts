// Worker-thread entry of the heap guard (guardedSimulation.ts): runs one simulation task (a run, a run to a
// precision, a plan and its simulations) on the scenario it is given, posts progress as it goes and the result
// at the end. Loaded from dist/, like the sweep worker.
import { parentPort, workerData } from 'node:worker_threads';
import { failoverBuffers } from '../metrics/failoverTable.js';
import { TimeseriesCsvFile } from '../io/timeseriesCsv.js';
import { markValid } from '../scenario/knownValid.js';
import { plan } from '../plan/plan.js';
import { simulate } from '../simulate.js';
import { PrecisionInputError, simulateToPrecision } from '../simulateToPrecision.js';
import type { SimulationTask } from './guardedSimulation.js';

const task = workerData as SimulationTask;
// The main thread validated the scenario before sending it; this structured clone is not the object it marked.
markValid(task.scenario);
const onProgress = (fraction: number) => parentPort!.postMessage({ progress: fraction });
const timeseries = task.timeseriesPath === undefined ? null : new TimeseriesCsvFile(task.timeseriesPath);
const onSample = timeseries?.write;
try {
  let result;
  try {
    result =
      task.kind === 'simulate' ? simulate(task.scenario, { ...task.options, onProgress, onSample })
      : task.kind === 'plan' ? plan(task.scenario, task.options)
      : simulateToPrecision(task.scenario, { ...task.options, onSample });
  } finally {
    timeseries?.close();
  }
  // A large run's failovers are hundreds of MB: moved to the main thread, not copied.
  const failovers = 'failovers' in result ? result.failovers : 'result' in result ? result.result.failovers : null;
  parentPort!.postMessage({ result }, failovers === null ? [] : failoverBuffers(failovers));
} catch (error) {
  // An error's class does not cross threads: say which kind of error this is.
  if (!(error instanceof PrecisionInputError)) throw error;
  parentPort!.postMessage({ precisionInputError: error.message });
}
