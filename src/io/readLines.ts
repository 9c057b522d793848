// Lines of a text file, streamed, within bounds: a trace can be many GB, but a file that never ends
// (/dev/zero) or a "line" of a billion bytes must stop with a message, not fill the memory.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { excerpt } from '../scenario/issues.js';
import { InputError } from './inputError.js';

export interface LineBounds {
  maxLineBytes: number;
  maxFileBytes: number;
}

/** A file that cannot be read or is beyond a bound; the message names the file (and line) and says why. */
export class InputFileError extends InputError {
  override name = 'InputFileError';
}

/** "file not found: PATH" rather than the file system's code. */
export function describeOpenError(path: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `file not found: ${path}`;
    case 'EISDIR':
      return `${path} is a folder, not a file`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${path}`;
    default:
      return `cannot read ${path} (${error.code ?? error.message})`;
  }
}

function sizeText(bytes: number): string {
  return bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`;
}

/**
 * Calls onLine(line number (1-based), text without its line break) for every line, empty lines included, and
 * resolves to the number of lines. NOTE: a callback, not an async generator: a yield per line cost 2 µs, more
 * than parsing the line.
 */
export async function forEachLine(path: string, bounds: LineBounds, onLine: (lineNo: number, line: string) => void): Promise<number> {
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new InputFileError(describeOpenError(path, error))));
  });
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNo = 0;
  let bytesRead = 0;
  const cut = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      if (bytesRead > bounds.maxFileBytes) {
        throw new InputFileError(`${path}: expected a file of at most ${sizeText(bounds.maxFileBytes)}, found more`);
      }
      const lines = (pending + decoder.write(chunk)).split('\n');
      pending = lines.pop()!;
      // Characters, not bytes: they differ by a bounded factor, good enough for a bound.
      const tooLong = (line: string) =>
        new InputFileError(`${path}:${lineNo + 1}: expected a line of at most ${sizeText(bounds.maxLineBytes)}, found a longer one starting ${excerpt(line, 20)}`);
      for (const line of lines) {
        if (line.length > bounds.maxLineBytes) throw tooLong(line);
        onLine(++lineNo, cut(line));
      }
      if (pending.length > bounds.maxLineBytes) throw tooLong(pending);
    }
    pending += decoder.end();
    if (pending !== '') onLine(++lineNo, cut(pending));
    return lineNo;
  } finally {
    stream.destroy();
  }
}
