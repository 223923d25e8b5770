import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { section } from './lint';
const figures = await section();
console.log(JSON.stringify(figures, null, 1));
const path = join(import.meta.dirname, 'results.json');
const results = JSON.parse(readFileSync(path, 'utf8'));
for (const f of figures) {
  const i = results.figures.findIndex((x: { id: string }) => x.id === f.id);
  if (i >= 0) results.figures[i] = f; else results.figures.push(f);
}
writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
