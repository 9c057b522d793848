import { expect, test } from 'vitest';
import { crashReason } from '../../src/sweep/runProcesses.js';

// What Node 20 prints on stderr when V8 gives up (abbreviated: the native stack follows each).
const INVALID_SIZE = '\n\n#\n# Fatal error in , line 0\n# Fatal JavaScript invalid size error 169220804 (see crbug.com/1201626)\n#\n#\n#\n#FailureMessage Object: 0x7ffd\n----- Native stack trace -----\n';
const TABLE_SIZE = '\n<--- Last few GCs --->\n[9941:0x2e07de50] 2621 ms: Mark-Compact 202.7 (235.9) -> 156.9 (190.9) MB\n\n<--- JS stacktrace --->\n\nFATAL ERROR: invalid table size Allocation failed - JavaScript heap out of memory\n----- Native stack trace -----\n 1: 0xb78db3 node::OOMErrorHandler\n';
const HEAP_LIMIT = (gc: string) => `\n<--- Last few GCs --->\n\nFATAL ERROR: ${gc} Allocation failed - JavaScript heap out of memory\n 1: 0xb78db3 node::OOMErrorHandler\n`;

test('crashReason names V8\'s fatal error without stack, pid or address', () => {
  expect(crashReason(null, 'SIGTRAP', INVALID_SIZE)).toBe(
    'the run ended its worker process (killed by SIGTRAP): JavaScript invalid size error 169220804 (see crbug.com/1201626)',
  );
  expect(crashReason(null, 'SIGABRT', TABLE_SIZE)).toBe(
    'the run ended its worker process (killed by SIGABRT): invalid table size Allocation failed - JavaScript heap out of memory',
  );
});

test('crashReason says the heap limit one way, whichever collection gave up', () => {
  const a = crashReason(null, 'SIGABRT', HEAP_LIMIT('Reached heap limit'));
  expect(crashReason(null, 'SIGABRT', HEAP_LIMIT('Ineffective mark-compacts near heap limit'))).toBe(a);
  expect(a).toMatch(/JavaScript heap out of memory \(the heap limit; RPOSIM_MAX_HEAP_MB raises it\)$/);
});

test('crashReason gives the exit code and the error of a worker that threw, or the signal alone', () => {
  expect(crashReason(1, null, 'file:///x.js:3\n  throw e;\n  ^\n\nTypeError: x is not a function\n    at f (file:///x.js:3:3)\n')).toBe(
    'the run ended its worker process (exit code 1): TypeError: x is not a function',
  );
  expect(crashReason(null, 'SIGKILL', '')).toBe('the run ended its worker process (killed by SIGKILL)');
});
