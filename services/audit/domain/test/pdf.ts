import { deflateSync } from 'node:zlib';

/**
 * A small PDF with one page whose content stream is `content` (Flate-compressed or not), and
 * optionally a page image: enough for the text reader's tests, built by hand so the tests show
 * exactly what the reader gets.
 */
export function buildPdf(
  content: string,
  options: { flate?: boolean; filter?: string; image?: boolean; dictionary?: string } = {},
): Buffer {
  const raw = Buffer.from(content, 'latin1');
  const body = options.flate ? deflateSync(raw) : raw;
  const filter = options.flate ? ' /Filter /FlateDecode' : options.filter ? ` /Filter ${options.filter}` : '';
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const object = (n: number, ...chunks: Array<string | Buffer>) =>
    parts.push(
      Buffer.concat([
        Buffer.from(`${n} 0 obj\n`),
        ...chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c)),
        Buffer.from('\nendobj\n'),
      ]),
    );
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    3,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>${options.image ? ' /XObject << /Im1 6 0 R >>' : ''} >> >>`,
  );
  // `dictionary`: the content stream's own dictionary, instead of its length and filter.
  const dictionary = options.dictionary ?? `/Length ${body.length}${filter}`;
  object(4, `<< ${dictionary} >>\nstream\n`, body, '\nendstream');
  object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  if (options.image) {
    const pixels = deflateSync(Buffer.alloc(16 * 16, 0x80));
    object(
      6,
      `<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} /Filter /FlateDecode >>\nstream\n`,
      pixels,
      '\nendstream',
    );
  }
  parts.push(Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n'));
  return Buffer.concat(parts);
}
