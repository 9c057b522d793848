// Preloaded (node --import) into a child the bench measures, such as the rposim CLI: when the process exits,
// writes its CPU time and peak RSS to the file named by BENCH_USAGE_FILE. The CLI stays as a user runs it.
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_USAGE_FILE'];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuSec: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: (usage.maxRSS * 1024) / 1e6 }));
  });
}
