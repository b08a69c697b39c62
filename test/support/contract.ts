/**
 * The API contract held to what the server does: every HTTP exchange an end-to-end suite makes
 * goes through a recording proxy in front of the gateway (`startSystem()` puts it there, so the
 * suites' own client, the demo's client, raw fetches and the demo run as a process are all
 * seen), and each response is checked against the committed OpenAPI document
 * (services/gateway/openapi.json, what an integrator reads): the operation must exist, must
 * document the status, the media type, and the body must validate against its schema.
 */
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface Exchange {
  method: string;
  /** Path and query, as sent. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** Response headers, lower-case names (optional: only documented headers are checked). */
  headers?: Record<string, string | string[] | undefined>;
  body: Buffer;
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/**
 * Served by the gateway but not operations of the API: the reference viewer and its assets, and
 * the workbench (every path outside /api, /health and /metrics: its files and its pages).
 */
const NOT_OPERATIONS = /^\/api\/docs(\/|$)|^\/(?!(api|health|metrics)(\/|$))/i;

export const OPENAPI_DOCUMENT_FILE = join(__dirname, '..', '..', 'services', 'gateway', 'openapi.json');

const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export class ContractChecker {
  private readonly ajv: Ajv2020;
  private readonly templates: Array<{ path: string; regex: RegExp; literals: number }>;
  /** Responses checked, by `METHOD path status`: the figures a suite prints. */
  readonly checked = new Map<string, number>();
  readonly mismatches: string[] = [];

  constructor(private readonly doc: Json = JSON.parse(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')) as Json) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(doc, 'openapi');
    const paths = Object.keys(doc.paths as Json);
    // A literal segment beats a parameter (`/agreements/expiry-check` before `/agreements/{id}`).
    this.templates = paths
      .map((path) => ({
        path,
        regex: new RegExp(
          '^' + path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+') + '$',
        ),
        literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
      }))
      .sort((a, b) => b.literals - a.literals);
  }

  /** The mismatches of one exchange (also kept in `mismatches`); none when it is skipped. */
  check(exchange: Exchange): string[] {
    const path = new URL(exchange.url, 'http://x').pathname;
    if (NOT_OPERATIONS.test(path)) return [];
    const method = exchange.method.toLowerCase();
    const where = `${exchange.method} ${exchange.url} -> ${exchange.status}`;
    const found: string[] = [];
    const template = this.templates.find(
      (t) => t.regex.test(path) && METHODS.some((m) => this.op(t.path, m)),
    );
    const op = template && this.op(template.path, method);
    if (!template || !op) {
      found.push(`${where}: no operation in the document`);
    } else {
      const key = `${exchange.method} ${template.path} ${exchange.status}`;
      this.checked.set(key, (this.checked.get(key) ?? 0) + 1);
      found.push(...this.checkResponse(template.path, method, op, exchange, where));
    }
    this.mismatches.push(...found);
    return found;
  }

  private op(path: string, method: string): Json | undefined {
    return ((this.doc.paths as Json)[path] as Json | undefined)?.[method] as Json | undefined;
  }

  private checkResponse(path: string, method: string, op: Json, ex: Exchange, where: string): string[] {
    const response = (op.responses as Json)[String(ex.status)] as Json | undefined;
    if (!response) return [`${where}: status ${ex.status} is not documented for this operation`];
    // A header the document promises on this answer (ETag, Retry-After) must be there; one it
    // marks `required: false` (sent only in some cases, e.g. Lse-Released-Digest) need not be.
    const missing = Object.entries((response.headers as Record<string, Json> | undefined) ?? {})
      .filter(([, header]) => header.required !== false)
      .map(([h]) => h)
      .filter((h) => ex.headers && ex.headers[h.toLowerCase()] === undefined)
      .map((h) => `${where}: the document promises a ${h} header, the answer has none`);
    return [...missing, ...this.checkBody(path, method, response, ex, where)];
  }

  private checkBody(path: string, method: string, response: Json, ex: Exchange, where: string): string[] {
    const content = response.content as Json | undefined;
    if (ex.body.length === 0) {
      return content && ex.status !== 204 && method !== 'head'
        ? [`${where}: empty body, the document promises ${Object.keys(content).join(' or ')}`]
        : [];
    }
    if (!content)
      return [`${where}: a body (${ex.contentType ?? 'no Content-Type'}) the document does not describe`];
    const mediaType = (ex.contentType ?? '').split(';')[0].trim().toLowerCase();
    const types = Object.keys(content);
    const declared =
      types.find((m) => m.toLowerCase() === mediaType) ??
      types.find((m) => m.endsWith('/*') && mediaType.startsWith(m.slice(0, -1).toLowerCase())) ??
      types.find((m) => m === '*/*');
    if (!declared)
      return [`${where}: ${mediaType || 'no Content-Type'} is not one of ${Object.keys(content).join(', ')}`];
    if (!/[/+]json$/.test(mediaType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(ex.body.toString('utf8'));
    } catch {
      return [`${where}: ${mediaType} body is not JSON`];
    }
    const ref = [
      'openapi#',
      'paths',
      path,
      method,
      'responses',
      String(ex.status),
      'content',
      declared,
      'schema',
    ]
      .map((s, i) => (i === 0 ? s : pointer(s)))
      .join('/');
    const validate = this.ajv.getSchema(ref);
    if (!validate) return [`${where}: no schema for ${declared}`];
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${where}: body${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  /** How many responses were checked. */
  get count(): number {
    let n = 0;
    for (const v of this.checked.values()) n += v;
    return n;
  }

  /**
   * Throws unless at least `minimum` responses were checked and none mismatched, so a suite whose
   * traffic bypassed the proxy cannot pass by checking nothing.
   */
  assertClean(minimum = 1): void {
    if (this.mismatches.length > 0) {
      const unique = [...new Set(this.mismatches)];
      throw new Error(
        `${unique.length} response(s) do not match services/gateway/openapi.json:\n` +
          unique.slice(0, 40).join('\n'),
      );
    }
    if (this.count < minimum)
      throw new Error(`the contract check saw ${this.count} response(s), expected at least ${minimum}`);
  }
}

export interface RecordingProxy {
  url: string;
  checker: ContractChecker;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of `target` that passes every request through unchanged and checks each
 * response with `checker`. Bodies are buffered (the API's largest are evidence uploads, 512 KiB).
 */
export async function startRecordingProxy(
  target: string,
  checker = new ContractChecker(),
): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
          agent,
        },
        (up: IncomingMessage) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            const buffer = Buffer.concat(body);
            checker.check({
              method: req.method ?? 'GET',
              url: req.url ?? '/',
              status: up.statusCode ?? 0,
              contentType: up.headers['content-type'],
              headers: up.headers,
              body: buffer,
            });
            const headers = { ...up.headers };
            // Hop-by-hop: the proxy answers with the whole body and its length.
            for (const h of ['transfer-encoding', 'connection', 'keep-alive']) delete headers[h];
            headers['content-length'] = String(buffer.length);
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(buffer);
          });
          up.on('error', () => res.destroy());
        },
      );
      // The gateway down (a suite stops it on purpose): the client sees the connection fail too.
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    checker,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
