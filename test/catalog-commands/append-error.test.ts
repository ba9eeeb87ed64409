import { describe, expect, it } from 'vitest';
import { catalogTextWithError } from '../../cli/catalog/append-error.js';
import { parseCatalog } from '../../cli/catalog/load.js';
import type { CatalogErrorEntry } from '../../cli/catalog/model.js';
import { serializeCatalog } from '../../cli/catalog/serialize.js';
import { defaultCatalog } from '../catalog/fixtures.js';

const entry: CatalogErrorEntry = {
  name: 'PaymentDeclinedError',
  code: 'PAYMENT_DECLINED',
  status: 402,
  category: 'payment',
  retryable: false,
  severity: 'warning',
  message: 'Your payment was declined.',
  description: 'The payment provider refused the charge.',
};

describe('catalogTextWithError', () => {
  it('writes a catalog in faultline layout again in that layout, with the entry last', () => {
    const catalog = defaultCatalog();
    const text = serializeCatalog(catalog);
    const updated = catalogTextWithError(text, catalog, entry);
    expect(updated).toBe(serializeCatalog({ ...catalog, errors: [...catalog.errors, entry] }));
  });

  it('inserts into a hand-formatted catalog without touching anything else', () => {
    const catalog = defaultCatalog();
    // Four-space indentation, CRLF line endings, a BOM and the user's own key order.
    const handWritten = '\uFEFF' + JSON.stringify({ version: 1, errors: catalog.errors, target: catalog.target, mappings: catalog.mappings }, null, 4).replace(/\n/g, '\r\n') + '\r\n';
    const updated = catalogTextWithError(handWritten, parseCatalog(handWritten, 'x.json'), entry);

    const entryText = JSON.stringify(entry, null, 4).split('\n').join('\r\n        ');
    const lastErrorEnd = handWritten.indexOf('\r\n    ],\r\n    "target"');
    expect(updated).toBe(`${handWritten.slice(0, lastErrorEnd)},\r\n        ${entryText}${handWritten.slice(lastErrorEnd)}`);
    expect(parseCatalog(updated, 'x.json').errors.at(-1)).toEqual(entry);
  });

  it('keeps tabs when the catalog is indented with tabs', () => {
    const catalog = defaultCatalog();
    const tabbed = JSON.stringify(catalog, null, '\t') + '\n';
    const updated = catalogTextWithError(tabbed, catalog, entry);
    expect(updated).toContain('\t\t{\n\t\t\t"name": "PaymentDeclinedError",\n\t\t\t"code": "PAYMENT_DECLINED",');
    expect(updated.startsWith(tabbed.slice(0, tabbed.indexOf('\n\t],\n\t"mappings"')))).toBe(true);
  });

  it('rewrites in faultline layout when the catalog has no layout to copy (one line)', () => {
    const catalog = defaultCatalog();
    const oneLine = JSON.stringify(catalog);
    expect(catalogTextWithError(oneLine, catalog, entry)).toBe(serializeCatalog({ ...catalog, errors: [...catalog.errors, entry] }));
  });

  it('copes with braces and quotes inside strings of the last entry', () => {
    const catalog = defaultCatalog();
    catalog.errors.at(-1)!.description = 'Braces } and ] and "quotes" \\ inside {';
    const text = JSON.stringify(catalog, null, 3);
    const updated = catalogTextWithError(text, catalog, entry);
    expect(updated.startsWith(text.slice(0, text.indexOf('\n   ],')))).toBe(true);
    expect(parseCatalog(updated, 'x.json').errors.map((e) => e.code).slice(-2)).toEqual(['INTERNAL', 'PAYMENT_DECLINED']);
  });
});
