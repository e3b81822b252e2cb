import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { Express } from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '../..');

function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
}

function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  const date =
    value instanceof Date ? value : new Date(`${value}`.length === 10 ? `${value}T00:00:00Z` : value);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function configureViews(app: Express): nunjucks.Environment {
  const env = nunjucks.configure(
    [
      path.join(projectRoot, 'src/web/views'),
      path.join(projectRoot, 'node_modules/govuk-frontend/dist'),
      path.join(projectRoot, 'node_modules/@ministryofjustice/frontend'),
    ],
    {
      autoescape: true,
      express: app,
      noCache: process.env.NODE_ENV === 'development' && !!process.env.VIEWS_NO_CACHE,
    },
  );
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('date', formatDate);
  env.addFilter('rowsStored', (snapshot: { lists: Record<string, { rowsAccepted: number }> }) =>
    Object.values(snapshot.lists).reduce((sum, l) => sum + l.rowsAccepted, 0),
  );
  env.addFilter('json', (value: unknown) => JSON.stringify(value));
  env.addFilter('number', (value: number | null | undefined) =>
    value === null || value === undefined ? '' : value.toLocaleString('en-GB'),
  );
  env.addGlobal('errorFor', (errors: { text: string; href: string }[] | undefined, id: string) => {
    const found = errors?.find((e) => e.href === `#${id}`);
    return found ? { text: found.text } : undefined;
  });
  app.set('view engine', 'njk');
  return env;
}
