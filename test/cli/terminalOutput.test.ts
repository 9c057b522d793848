import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { guardTerminalOutput, terminalSafe, writeWithControls } from '../../src/cli/terminalOutput.js';

test('terminalSafe(text) shows ESC, OSC, BEL, CR and bidi overrides escaped, and keeps tabs, newlines and other Unicode', () => {
  expect(terminalSafe('web\x1b[2J\x1b]0;pwned\x07-1')).toBe('web\\x1b[2J\\x1b]0;pwned\\x07-1');
  expect(terminalSafe('a\rb\x9bc\u202Ed')).toBe('a\\x0db\\x9bc\\u202ed');
  expect(terminalSafe('vm\tµ é 東京\n')).toBe('vm\tµ é 東京\n');
});

test('guardTerminalOutput(stream) escapes every write; writeWithControls passes rposim\'s own controls through', () => {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream;
  let text = '';
  (stream as unknown as PassThrough).on('data', (d) => (text += d));
  guardTerminalOutput(stream);
  stream.write('name \x1b]52;c;aGk=\x07\n');
  stream.write(Buffer.from('\x1b[31mred\n'));
  writeWithControls(stream, '\r50%\x1b[K');
  expect(text).toBe('name \\x1b]52;c;aGk=\\x07\n\\x1b[31mred\n\r50%\x1b[K');
});
