import { inflateSync } from 'node:zlib';

/** What a PDF's text layer gave: its text, or why there is none to redact. */
export type PdfText =
  /** `images`: pictures in the file, which are not part of its text (a scan of a page among text). */
  | { status: 'text'; text: string; images: number }
  /** Pages of images and no text: a scan, which only OCR or a person can redact. */
  | { status: 'scanned_image' }
  /** Not a PDF, or text this reader cannot decode. */
  | { status: 'unreadable'; detail: string };

/*
 * A minimal reader of a PDF's text layer, enough to redact the text of ordinary generated PDFs:
 * it reads every stream that is uncompressed or Flate-compressed (node:zlib), and in content
 * streams the strings shown by the Tj, TJ, ' and " operators between BT and ET, as single-byte
 * text (Latin-1, which PDFDocEncoding and WinAnsiEncoding agree with for letters). Its limits,
 * each ending in "unreadable" rather than in a guess: other filters (LZW, ASCII85, ...), fonts
 * with their own encodings or two-byte glyph ids (Identity-H: the bytes are glyph numbers, not
 * letters), encrypted files, and text drawn as vector paths. Words split across operators are
 * joined by position only roughly (a TJ gap wider than 200/1000 em is a space; Td/TD/T* and '
 * start a line). Anything it cannot read as text is withheld by the caller, never released.
 */

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

interface Stream {
  dictionary: string;
  data: Buffer;
}

/** Every `<< ... >> stream ... endstream` of the file, with its dictionary. */
function streamsOf(pdf: Buffer): Stream[] {
  const text = latin1(pdf);
  const out: Stream[] = [];
  const marker = /stream\r?\n/g;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (text.slice(m.index - 3, m.index) === 'end') continue;
    // The object's whole dictionary, nested ones included (`/DecodeParms << ... >>`).
    const objStart = text.lastIndexOf(' obj', m.index);
    const dictStart = text.indexOf('<<', objStart);
    if (objStart < 0 || dictStart < 0 || dictStart > m.index) continue;
    const dictionary = text.slice(dictStart, m.index);
    const start = m.index + m[0].length;
    // A direct length only; an indirect one (`/Length 12 0 R`) is found by `endstream` below.
    const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dictionary);
    let end = length ? start + Number(length[1]) : -1;
    if (
      end < 0 ||
      text
        .slice(end, end + 12)
        .trimStart()
        .slice(0, 9) !== 'endstream'
    )
      end = text.indexOf('endstream', start);
    if (end < 0) break;
    out.push({ dictionary, data: pdf.subarray(start, end) });
    marker.lastIndex = end;
  }
  return out;
}

/** A content stream's decoded bytes, or undefined for a filter this reader does not know. */
function decode(stream: Stream): Buffer | undefined {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(stream.dictionary)?.[1];
  if (!filter) return stream.data;
  const names = filter.match(/\/\w+/g) ?? [];
  if (names.length !== 1 || names[0] !== '/FlateDecode') return undefined;
  try {
    return inflateSync(stream.data);
  } catch {
    return undefined;
  }
}

/** A literal string's bytes after its escapes (PDF 32000-1, 7.3.4.2). */
function literal(src: string, from: number): { value: string; next: number } {
  let depth = 1;
  let out = '';
  let i = from;
  while (i < src.length && depth > 0) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      const simple: Record<string, string> = {
        n: '\n',
        r: '\r',
        t: '\t',
        b: '\b',
        f: '\f',
        '(': '(',
        ')': ')',
        '\\': '\\',
      };
      if (n in simple) {
        out += simple[n];
        i += 2;
      } else if (/[0-7]/.test(n)) {
        const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4))![0];
        out += String.fromCharCode(parseInt(octal, 8) & 0xff);
        i += 1 + octal.length;
      } else if (n === '\r' || n === '\n') {
        i += n === '\r' && src[i + 2] === '\n' ? 3 : 2;
      } else {
        out += n ?? '';
        i += 2;
      }
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) break;
    out += c;
    i++;
  }
  return { value: out, next: i + 1 };
}

const hex = (digits: string) => {
  const clean = digits.replace(/\s/g, '');
  const even = clean.length % 2 ? `${clean}0` : clean;
  return latin1(Buffer.from(even, 'hex'));
};

/** The text shown in one content stream, line by line. */
function textOfContent(content: string): string {
  let out = '';
  let inText = false;
  const operands: Array<string | number | Array<string | number>> = [];
  let array: Array<string | number> | undefined;
  const token =
    /\s*(?:(\()|<([0-9A-Fa-f\s]*)>|(\[)|(\])|(-?\d*\.?\d+)|\/[^\s/[\]()<>]+|([A-Za-z'"*]+)|<<|>>|(%[^\r\n]*)|(\S))/y;
  let i = 0;
  while (i < content.length) {
    token.lastIndex = i;
    const m = token.exec(content);
    if (!m || m[0].length === 0) break;
    i = token.lastIndex;
    let value: string | number | undefined;
    if (m[1]) {
      const lit = literal(content, i);
      value = lit.value;
      i = lit.next;
    } else if (m[2] !== undefined) value = hex(m[2]);
    else if (m[3]) {
      array = [];
      continue;
    } else if (m[4]) {
      if (array) operands.push(array);
      array = undefined;
      continue;
    } else if (m[5]) value = Number(m[5]);
    else if (m[6]) {
      const op = m[6];
      if (op === 'BT') inText = true;
      else if (op === 'ET') {
        inText = false;
        out += '\n';
      } else if (inText) {
        const last = operands.at(-1);
        if (op === 'Tj' && typeof last === 'string') out += last;
        else if ((op === "'" || op === '"') && typeof last === 'string') out += `\n${last}`;
        else if (op === 'TJ' && Array.isArray(last))
          for (const part of last) out += typeof part === 'string' ? part : part < -200 ? ' ' : '';
        else if (op === 'T*') out += '\n';
        else if ((op === 'Td' || op === 'TD') && typeof operands.at(-1) === 'number' && operands.at(-1) !== 0)
          out += '\n';
        else if ((op === 'Td' || op === 'TD') && typeof operands.at(-2) === 'number' && operands.at(-2) !== 0)
          out += ' ';
      }
      operands.length = 0;
      continue;
    } else continue;
    if (array) array.push(value);
    else operands.push(value);
  }
  return out;
}

/** Share of characters that are letters, digits, punctuation or white space people write. */
const readableShare = (text: string) => {
  const chars = [...text];
  if (chars.length === 0) return 1;
  return (
    chars.filter((c) => /[\p{L}\p{N}\p{P}\p{Zs}\p{Sc}\p{Sm}\n\t]/u.test(c) && c !== '\uFFFD').length /
    chars.length
  );
};

/** The text layer of a PDF, within the limits above. */
export function pdfText(pdf: Uint8Array): PdfText {
  const bytes = Buffer.from(pdf);
  if (latin1(bytes.subarray(0, 5)) !== '%PDF-') return { status: 'unreadable', detail: 'not a PDF file' };
  if (/\/Encrypt\s/.test(latin1(bytes))) return { status: 'unreadable', detail: 'the PDF is encrypted' };
  const streams = streamsOf(bytes);
  let images = 0;
  let undecodable = 0;
  const parts: string[] = [];
  for (const stream of streams) {
    if (/\/Subtype\s*\/Image/.test(stream.dictionary)) {
      images++;
      continue;
    }
    const data = decode(stream);
    if (!data) {
      undecodable++;
      continue;
    }
    const content = latin1(data);
    if (!/\bBT\b/.test(content)) continue;
    parts.push(textOfContent(content));
  }
  const text = parts
    .join('\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
  if (text.length === 0) {
    if (images > 0) return { status: 'scanned_image' };
    return {
      status: 'unreadable',
      detail: undecodable > 0 ? 'its streams use a compression this reader does not decode' : 'no text found',
    };
  }
  if (readableShare(text) < 0.95)
    return { status: 'unreadable', detail: 'its fonts encode text this reader cannot map to letters' };
  // Text this reader could not decode may hold more: withhold rather than release part of a file.
  if (undecodable > 0)
    return { status: 'unreadable', detail: 'some streams use a compression this reader does not decode' };
  return { status: 'text', text, images };
}
