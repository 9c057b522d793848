import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvTable, splitRecord } from '../../../src/io/import/readCsvTable.js';
import { tempFolder } from '../tempFolder.js';

let folder: string;
beforeAll(async () => {
  folder = await tempFolder();
});

async function rowsOf(text: string) {
  const path = join(folder, `t${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, text);
  const table = await readCsvTable(path);
  const rows = [];
  for await (const row of table.rows) rows.push(row);
  return { table, rows, path };
}

describe('splitRecord', () => {
  it('splits plain, all-quoted and mixed records, with "" as a quote and the separator inside quotes', () => {
    expect(splitRecord('a,b,,c', ',')).toEqual(['a', 'b', '', 'c']);
    expect(splitRecord('"a","b c","1"', ',')).toEqual(['a', 'b c', '1']);
    expect(splitRecord('"say ""hi""",x,"1,5"', ',')).toEqual(['say "hi"', 'x', '1,5']);
    expect(splitRecord('"a";"b;c";d', ';')).toEqual(['a', 'b;c', 'd']);
  });
});

describe('readCsvTable', () => {
  it('skips a BOM, the #TYPE line and blank lines, and numbers rows as lines of the file', async () => {
    const { table, rows } = await rowsOf('\uFEFF#TYPE Some.Class\r\n"A","B"\r\n\r\n"1","2"\r\n"3","4"\r\n');
    expect(table.header).toEqual(['A', 'B']);
    expect(table.headerRow).toBe(2);
    expect(rows).toEqual([
      { row: 4, cells: ['1', '2'] },
      { row: 5, cells: ['3', '4'] },
    ]);
  });

  it('tells semicolon files from comma files by the header', async () => {
    const { table, rows } = await rowsOf('a;b\n1,5;2\n');
    expect(table.delimiter).toBe(';');
    expect(rows[0]!.cells).toEqual(['1,5', '2']);
  });

  it('keeps a quoted line break in its field; the record is numbered by its first line', async () => {
    const { rows } = await rowsOf('VM,Annotation\nweb,"two\nlines"\ndb,x\n');
    expect(rows).toEqual([
      { row: 2, cells: ['web', 'two\nlines'] },
      { row: 4, cells: ['db', 'x'] },
    ]);
  });

  it('names the row of a quote that never closes', async () => {
    await expect(rowsOf('a,b\n1,"open\n2,3\n')).rejects.toThrow(/, row 2: expected a closing quote for the quoted field opened on this row, found the end of the file/);
  });
});
