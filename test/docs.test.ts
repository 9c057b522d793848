import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { expect, it } from 'vitest';

const docs = ['README.md', ...(await readdir('docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
const packaged = (JSON.parse(await readFile('package.json', 'utf8')) as { files: string[] }).files;

it.each(docs)('every link of %s points to a file shipped in the npm package', async (file) => {
  const text = await readFile(file, 'utf8');
  const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
  for (const target of targets) {
    const path = normalize(join(dirname(file), target));
    expect(existsSync(path), `${file} → ${target}`).toBe(true);
    expect(path === 'README.md' || packaged.some((entry) => path === entry || path.startsWith(`${entry}/`)), `${file} → ${target} is not in package.json "files"`).toBe(true);
  }
});
