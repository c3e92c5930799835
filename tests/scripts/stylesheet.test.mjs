// The stylesheets as the browser reads them. An unclosed brace does not break a stylesheet: the
// rules after it become rules nested in the unclosed one (CSS nesting), which match nothing —
// it happened once, silently (the experiences page's strength styles). Our CSS nests nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'lightningcss';

const dir = new URL('../../style/', import.meta.url).pathname;

for (const file of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
  test(`style/${file} has no nested rule (every brace is closed where it should be)`, () => {
    const nested = [];
    transform({
      filename: file,
      code: readFileSync(join(dir, file)),
      visitor: {
        Rule: {
          style(rule) {
            for (const inner of rule.value.rules ?? []) nested.push(inner.value?.selectors ?? inner.type);
          },
        },
      },
    });
    assert.deepEqual(nested, [], 'rules nested in another');
  });
}
