import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvParseOptions, splitUnquoted } from '../lib/read-csv';

/**
 * The fast path of the CSV reader (a text without any double quote) must return exactly what
 * csv-parse returns with the reader's options: same records, same empty lines, same record
 * delimiter (the first line break of the text, then only that one).
 */
const unquoted = fc
  .array(fc.constantFrom('a', 'é', ' ', ';', ',', '\t', '\r', '\n', '\r\n', '0', '\u00a0', "'", 'x;y', ''), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('CSV fast path (no double quote) = csv-parse', () => {
  it('gives the same records for any quote-free text, delimiter and record limit (property)', () => {
    fc.assert(
      fc.property(unquoted, fc.constantFrom(';', ',', '\t'), fc.integer({ min: 1, max: 12 }), (text, delimiter, to) => {
        expect(splitUnquoted(text, delimiter, to)).toEqual(parse(text, csvParseOptions(delimiter, to)));
      }),
      { numRuns: 3000 },
    );
  });

  it('follows the first line break: \\r\\n, then a lone \\n stays inside the cell', () => {
    const text = 'a;b\r\nc\nd;e\r\n\r\nf\r\n';
    expect(splitUnquoted(text, ';', 100)).toEqual([['a', 'b'], ['c\nd', 'e'], [''], ['f']]);
    expect(splitUnquoted(text, ';', 100)).toEqual(parse(text, csvParseOptions(';', 100)));
  });

  it('leaves quoted texts and very long records to csv-parse', () => {
    expect(splitUnquoted('a;"b;c"\n', ';', 10)).toBeNull();
    expect(splitUnquoted(`a;${'x'.repeat(600_000)}\n`, ';', 10)).toBeNull();
    expect(splitUnquoted('', ';', 10)).toEqual([]);
  });
});
