import { buildPdf } from '../../test/pdf';
import { pdfText } from './pdf-text';

const page = (...lines: string[]) =>
  `BT /F1 12 Tf 72 720 Td ${lines.map((l, i) => `${i ? '0 -14 Td ' : ''}${l}`).join(' ')} ET`;

describe('the PDF text reader', () => {
  it('reads Tj strings of an uncompressed content stream, line by line', () => {
    const pdf = buildPdf(page('(Pay stub, week of 2026-03-02) Tj', '(Rosa worked 52 hours) Tj'));
    expect(pdfText(pdf)).toEqual({
      status: 'text',
      text: 'Pay stub, week of 2026-03-02\nRosa worked 52 hours',
      images: 0,
    });
  });

  it('reads a Flate-compressed stream (node:zlib)', () => {
    const pdf = buildPdf(page('(Compressed text) Tj'), { flate: true });
    expect(pdfText(pdf)).toMatchObject({ status: 'text', text: 'Compressed text' });
  });

  it('reads TJ arrays, a wide gap as a space, and the escapes of literal and hex strings', () => {
    const pdf = buildPdf(
      page(
        '[(Call) -300 (Ana at) -250 (415) 10 (-555-0199)] TJ',
        '(Paren \\(x\\) and caf\\351) Tj',
        '<4869> Tj',
      ),
    );
    expect(pdfText(pdf)).toMatchObject({ text: 'Call Ana at 415-555-0199\nParen (x) and café\nHi' });
  });

  it("starts a line for T* and for the ' operator", () => {
    const pdf = buildPdf("BT /F1 12 Tf 14 TL (one) Tj T* (two) Tj (three) ' ET");
    expect(pdfText(pdf)).toMatchObject({ text: 'one\ntwo\nthree' });
  });

  it('finds a stream with an indirect length and a nested dictionary', () => {
    const pdf = buildPdf('BT /F1 12 Tf (Indirect) Tj ET', {
      flate: true,
      dictionary: '/Filter /FlateDecode /DecodeParms << /Columns 1 >> /Length 9 0 R',
    });
    expect(pdfText(pdf)).toMatchObject({ status: 'text', text: 'Indirect' });
  });

  it('counts pictures beside the text', () => {
    expect(pdfText(buildPdf(page('(Cover page) Tj'), { image: true }))).toEqual({
      status: 'text',
      text: 'Cover page',
      images: 1,
    });
  });

  it('calls a PDF of images and no text a scan', () => {
    expect(pdfText(buildPdf('q 612 0 0 792 0 0 cm /Im1 Do Q', { image: true }))).toEqual({
      status: 'scanned_image',
    });
  });

  it('is unreadable: not a PDF, an unknown compression, glyph ids instead of letters, encryption', () => {
    expect(pdfText(Buffer.from('hello'))).toMatchObject({ status: 'unreadable', detail: 'not a PDF file' });
    expect(pdfText(buildPdf(page('(x) Tj'), { filter: '/LZWDecode' }))).toMatchObject({
      status: 'unreadable',
    });
    expect(pdfText(buildPdf(page('<0003001100480052> Tj')))).toMatchObject({ status: 'unreadable' });
    const encrypted = Buffer.concat([buildPdf(page('(x) Tj')), Buffer.from('trailer << /Encrypt 9 0 R >>')]);
    expect(pdfText(encrypted)).toMatchObject({ status: 'unreadable', detail: 'the PDF is encrypted' });
  });

  it('withholds a file with text beside a stream it cannot decode rather than release part of it', () => {
    const pdf = Buffer.concat([
      buildPdf(page('(Visible) Tj')),
      Buffer.from('7 0 obj\n<< /Length 3 /Filter /ASCII85Decode >>\nstream\nabc\nendstream\nendobj\n'),
    ]);
    expect(pdfText(pdf)).toMatchObject({ status: 'unreadable' });
  });
});
