// What the tests expect, derived from the certification files in data/ (as build.rs bundles
// them), so that adding a certification file needs no change to the tests.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

/** Every bundled certification, parsed, sorted by code. */
export const CERTIFICATIONS = readdirSync(DATA)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')))
  .sort((a, b) => a.code.localeCompare(b.code));

/** The bundled codes. */
export const CODES = CERTIFICATIONS.map((c) => c.code);

/** One certification's facts: its bloc and competency counts. */
export function shape(code) {
  const cert = CERTIFICATIONS.find((c) => c.code === code);
  if (!cert) throw new Error(`${code} is not in data/`);
  const competencies = cert.blocs.reduce((n, b) => n + b.competencies.length, 0);
  return { blocs: cert.blocs.length, competencies };
}
