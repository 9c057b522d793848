import writeExcelFile from 'write-excel-file/node';
const b = await writeExcelFile([{ data: [['a', '=1+1'], [3, null]], sheet: 'one' }, { data: [['x']], sheet: 'two' }]).toBuffer();
process.stdout.write(b);
