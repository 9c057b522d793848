import { join } from 'node:path';

/**
 * results/<scenario name>, with the name reduced to a safe folder name: the name comes from the scenario file,
 * and "../x" or "a/b" must not send the write (which replaces the folder) somewhere else.
 */
export function defaultOutFolder(scenarioName: string): string {
  const safe = scenarioName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return join('results', safe === '' ? 'scenario' : safe);
}
