import { describe, expect, it } from 'vitest';
import { ChurnSeries } from '../../../src/io/import/churnSeries.js';
import { ImportError } from '../../../src/io/import/importError.js';

describe('ChurnSeries', () => {
  it('sums disks onto one grid, in any row order, rates × interval = bytes; a time stamps the interval end', () => {
    const s = new ChurnSeries({ file: 'f.csv', value: 'bytesPerSec', stamp: 'end' });
    // Newest first, as Get-Stat lists them; disk b starts one interval later than disk a.
    s.add('vm', 'a', 900, 3, 2);
    s.add('vm', 'b', 900, 10, 3);
    s.add('vm', 'a', 600, 2, 4);
    s.add('vm', 'b', 600, 20, 5);
    s.add('vm', 'a', 300, 1, 6);
    const [vm] = s.finish();
    expect(vm!.intervalSec).toBe(300);
    expect(vm!.startSec).toBe(0);
    expect(vm!.disks.map((d) => d.disk)).toEqual(['a', 'b']);
    expect([...vm!.disks[0]!.bytes]).toEqual([300, 600, 900]);
    expect([...vm!.disks[1]!.bytes]).toEqual([0, 6000, 3000]);
    expect([...vm!.bytes]).toEqual([300, 6600, 3900]);
    expect(vm!.missing).toBe(1);
    expect(s.notes.join()).toContain('1 interval(s) without a sample');
  });

  it('takes the smallest spacing as the interval: a gap is missing samples, counted as 0', () => {
    const s = new ChurnSeries({ file: 'f.csv', value: 'bytes', stamp: 'start' });
    for (const [t, b] of [[0, 5], [60, 6], [240, 7]] as const) s.add('vm', '', t, b, 1);
    const [vm] = s.finish();
    expect(vm!.intervalSec).toBe(60);
    expect([...vm!.bytes]).toEqual([5, 6, 0, 0, 7]);
  });

  it('drops the VM-wide rows ("" disk) when per-disk rows exist, so that no byte counts twice', () => {
    const s = new ChurnSeries({ file: 'f.csv', value: 'bytes', stamp: 'start' });
    for (const t of [0, 60]) {
      s.add('vm', '', t, 30, 1);
      s.add('vm', 'scsi0:0', t, 10, 2);
      s.add('vm', 'scsi0:1', t, 20, 3);
    }
    const [vm] = s.finish();
    expect([...vm!.bytes]).toEqual([30, 30]);
    expect(vm!.disks.map((d) => d.disk)).toEqual(['scsi0:0', 'scsi0:1']);
  });

  it('names the file and row of a duplicate sample, an off-grid sample, and a lone sample', () => {
    const duplicate = new ChurnSeries({ file: 'f.csv', value: 'bytes', stamp: 'start' });
    duplicate.add('vm', 'd', 0, 1, 2);
    duplicate.add('vm', 'd', 0, 1, 7);
    expect(() => duplicate.finish()).toThrow(/^f\.csv, row 7: expected one sample per time for vm disk d \(row 2 has/);

    const offGrid = new ChurnSeries({ file: 'f.csv', value: 'bytes', stamp: 'start' });
    offGrid.add('vm', 'a', 0, 1, 2);
    offGrid.add('vm', 'a', 60, 1, 3);
    offGrid.add('vm', 'b', 30, 1, 4);
    offGrid.add('vm', 'b', 90, 1, 5);
    expect(() => offGrid.finish()).toThrow(/f\.csv, row 4: expected a time on vm's 60 s sampling grid/);

    const lone = new ChurnSeries({ file: 'f.csv', value: 'bytes', stamp: 'start' });
    lone.add('vm', '', 0, 1, 9);
    expect(() => lone.finish()).toThrow(ImportError);
  });

  it('rejects two intervals stated for one disk (an export mixing statistics levels)', () => {
    const s = new ChurnSeries({ file: 'f.csv', value: 'bytesPerSec', stamp: 'end' });
    s.add('vm', 'a', 300, 1, 2, 300);
    expect(() => s.add('vm', 'a', 320, 1, 3, 20)).toThrow(/f\.csv, row 3, column "IntervalSecs": expected one interval per VM and disk/);
  });
});
