// Reads a scenario or sweep file's text, within the size limit (a never-ending /dev/zero stops with a message),
// and parses it within the YAML limits (scenario/yamlScenario.ts).
import { open } from 'node:fs/promises';
import { LIMITS } from '../scenario/limits.js';
import { parseYamlText, type YamlText } from '../scenario/yamlScenario.js';
import { describeOpenError, InputFileError } from './readLines.js';

/** The file's text, read up to the limit; throws InputFileError (file not found, a folder, too large). */
export async function readBoundedText(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputFileError(describeOpenError(path, error as NodeJS.ErrnoException));
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 16);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null).catch((error: NodeJS.ErrnoException) => {
        throw new InputFileError(describeOpenError(path, error));
      });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > LIMITS.scenarioFileBytes) {
        throw new InputFileError(`${path} is larger than ${LIMITS.scenarioFileBytes / 2 ** 20} MiB, the limit of a scenario or sweep file`);
      }
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Reads and parses `path`; issues name `source`. Throws InputFileError when the file itself cannot be read. */
export async function readYamlFile(path: string, source: string = path): Promise<YamlText> {
  return parseYamlText(await readBoundedText(path), source);
}
