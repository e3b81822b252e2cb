#!/usr/bin/env node
// Compiles the stylesheet and copies front-end scripts into public/build/. Runs after `npm install`
// and, when its output is missing, when the server starts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'public', 'build');

export async function buildAssets() {
  const sass = await import('sass');
  fs.mkdirSync(out, { recursive: true });
  for (const name of ['app', 'moj']) {
    const result = sass.compile(path.join(root, `src/web/assets/${name}.scss`), {
      style: 'compressed',
      loadPaths: [root],
      quietDeps: true,
      logger: sass.Logger.silent,
    });
    fs.writeFileSync(path.join(out, `${name}.css`), result.css);
  }
  const copy = (from, to) => fs.copyFileSync(path.join(root, 'node_modules', from), path.join(out, to));
  copy('govuk-frontend/dist/govuk/govuk-frontend.min.js', 'govuk-frontend.min.js');
  copy('@ministryofjustice/frontend/moj/moj-frontend.min.js', 'moj-frontend.min.js');
  fs.copyFileSync(path.join(root, 'src/web/assets/app.js'), path.join(out, 'app.js'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildAssets()
    .then(() => console.log(`Oversight: built front-end assets in ${Date.now() - started} ms`))
    .catch((error) => {
      console.error(`Oversight: could not build front-end assets: ${error.message}`);
      process.exit(1);
    });
}
