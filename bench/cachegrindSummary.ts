export interface Counts {
  instructions: number;
  /** Data reads that missed the last-level cache. */
  llReadMisses: number;
}

/** The totals of cachegrind's summary (its stderr): "I refs: 1,234" and "LLd misses: … ( R rd + W wr)". */
export function parseCachegrind(summary: string): Counts {
  const number = (text: string) => Number(text.replace(/,/g, ''));
  const instructions = /I\s+refs:\s+([\d,]+)/.exec(summary);
  const llReads = /LLd misses:\s+[\d,]+\s+\(\s*([\d,]+) rd/.exec(summary);
  if (instructions === null || llReads === null) throw new Error(`no cachegrind summary in:\n${summary.slice(-2000)}`);
  return { instructions: number(instructions[1]!), llReadMisses: number(llReads[1]!) };
}
