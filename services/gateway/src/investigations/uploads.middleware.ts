import { Injectable, NestMiddleware } from '@nestjs/common';
import { EVIDENCE_MAX_BYTES_DEFAULT } from '@lse/contracts';
import { refuseInvalidUtf8 } from '../http/json-depth';
import {
  ERROR_CODES,
  ProblemException,
  problemType,
  type HttpRequest,
  type HttpResponse,
} from '@lse/service-kit';

/** A CSV upload's size limit: its text travels inside one NATS message (1 MB default payload). */
export const HOURS_CSV_MAX_BYTES = 768 * 1024;

type Req = HttpRequest & { body?: unknown; _body?: boolean };

const tooLarge = (limit: number) =>
  new ProblemException({
    type: problemType(ERROR_CODES.payload_too_large.slug),
    title: ERROR_CODES.payload_too_large.title,
    status: 413,
    detail: `The upload exceeds ${limit} bytes.`,
  });

const mediaTypeOf = (req: Req) =>
  String(req.headers['content-type'] ?? 'application/octet-stream')
    .split(';')[0]
    .trim()
    .toLowerCase();

const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

/** Reads the whole body, refusing (413) as soon as it passes `limit`: nothing larger is buffered. */
export function readBody(req: Req, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Hours and wages as `text/csv`: the body becomes the CSV text (JSON uploads are parsed by the
 * application's JSON parser). Runs before the idempotency interceptor, which fingerprints the body.
 */
@Injectable()
export class HoursCsvBody implements NestMiddleware {
  async use(req: Req, _res: HttpResponse, next: () => void): Promise<void> {
    if (req._body || mediaTypeOf(req) !== 'text/csv') return next();
    const bytes = await readBody(req, HOURS_CSV_MAX_BYTES);
    // UTF-8 only, as documented: decoding anything else would store U+FFFD in place of the bytes.
    refuseInvalidUtf8(bytes, () => [
      { path: '(body)', message: `line ${firstBrokenLine(bytes)} is not valid UTF-8` },
    ]);
    req.body = bytes.toString('utf8');
    req._body = true;
    next();
  }
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstBrokenLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/**
 * Evidence as raw bytes in any media type but JSON (the JSON form carries base64 itself): the body
 * becomes `{contentBase64, mediaType}`, the shape the investigation service takes.
 */
@Injectable()
export class EvidenceBody implements NestMiddleware {
  async use(req: Req, _res: HttpResponse, next: () => void): Promise<void> {
    const mediaType = mediaTypeOf(req);
    if (req._body || isJson(mediaType)) return next();
    const content = await readBody(req, EVIDENCE_MAX_BYTES_DEFAULT);
    req.body = { contentBase64: content.toString('base64'), mediaType };
    req._body = true;
    next();
  }
}
