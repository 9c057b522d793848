import { describe, expect, it } from 'vitest';
import { parseCachegrind } from '../../bench/cachegrindSummary.js';

// The end of a cachegrind summary, in the format of Debian 12's valgrind (3.19), process ids included.
const SUMMARY = `==16440== I   refs:      16,046,730,855
==16440== I1  misses:       174,971,021
==16440== LLi misses:         1,775,295
==16440==
==16440== D   refs:       8,030,671,300  (5,563,988,648 rd   + 2,466,682,652 wr)
==16440== D1  misses:       199,480,523  (  155,194,635 rd   +    44,285,888 wr)
==16440== LLd misses:        36,900,454  (   13,979,519 rd   +    22,920,935 wr)
==16440== LL misses:         43,372,067  (   16,968,752 rd   +    26,403,315 wr)
`;

describe('parseCachegrind', () => {
  it('reads the instructions and the data reads that missed the last level', () => {
    expect(parseCachegrind(SUMMARY)).toEqual({ instructions: 16_046_730_855, llReadMisses: 13_979_519 });
  });
  it('says so when there is no summary (valgrind failed before the end)', () => {
    expect(() => parseCachegrind('==1== Memcheck, a memory error detector\n')).toThrow(/no cachegrind summary/);
  });
});
