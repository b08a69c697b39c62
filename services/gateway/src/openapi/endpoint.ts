import {
  applyDecorators,
  Controller,
  HttpCode,
  RequestMapping,
  RequestMethod,
  UseInterceptors,
} from '@nestjs/common';
import { Public } from '@lse/service-kit';
import type { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import type { Role } from '../auth/roles';
import { RetryAfterWhileNotThere } from '../http/retry-after.interceptor';

/** Every REST route lives under this prefix. */
export const API_PREFIX = 'api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route declares once; the decorator wires the route and the OpenAPI document from it. */
export interface EndpointSpec {
  operationId: string;
  method: HttpMethod;
  /** Relative to /api/v1, Nest style: `cases/:caseId`. */
  path: string;
  summary: string;
  /**
   * What a client needs beyond the summary: where the ids it takes come from, and, for a resource
   * another service creates by reacting to an event, how to wait for it.
   */
  description?: string;
  tags?: string[];
  /** Who may call it; empty for a public route. */
  roles: Role[];
  /**
   * Reachable without a token (like /api/v1 and health): what a browser needs before it has
   * signed in. Documented with `security: []`; never rate-limited per subject.
   */
  public?: true;
  /**
   * Served only by a gateway in development mode (AUTH_MODE=development): elsewhere the path does
   * not exist (404 for every method, like any unknown route).
   */
  developmentOnly?: true;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The largest `limit` a paged list takes, when not the usual MAX_LIMIT. */
  pageLimit?: number;
  body?: z.ZodType;
  /**
   * Request bodies accepted besides JSON (e.g. text/csv, raw bytes), by media type: a media type
   * (or range, `*\/*`) and what the body holds. Anything else is a 415.
   */
  otherBodies?: Array<{ mediaType: string; description: string; schema: Record<string, unknown> }>;
  response: {
    status: number;
    description: string;
    schema?: z.ZodType;
    /** Other representations of the same answer (HTML, raw bytes), by media type. */
    otherContent?: Record<string, { schema: Record<string, unknown> }>;
    /**
     * Headers the answer carries (besides ETag, which `versioned` documents), by name; `required:
     * false` for one sent only in some cases.
     */
    headers?: Record<string, { description: string; required?: false; schema: Record<string, unknown> }>;
    /** OpenAPI links: which later operations take an id from this answer, and from where. */
    links?: Record<string, { operationId: string; parameters: Record<string, string>; description: string }>;
  };
  /**
   * Refusals particular to this operation, by status, with what causes each; merged over the
   * statuses every operation of its kind can answer (see `operation()` in document.ts).
   */
  errors?: Partial<Record<400 | 404 | 409 | 412 | 413 | 415 | 422 | 500 | 503 | 504, string>>;
  /**
   * The resource exists only once another service has reacted to an event (e.g. investigation to
   * CaseOpened): until then a read answers 404 with `Retry-After`, and this says what it waits for.
   */
  eventual?: string;
  /** Responses carry ETag; writes accept If-Match. */
  versioned?: boolean;
}

const registry = new Map<string, EndpointSpec>();

/** Endpoints declared so far (importing a controller declares its endpoints), in path order. */
export function registeredEndpoints(): EndpointSpec[] {
  return [...registry.values()].sort((a, b) =>
    a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path),
  );
}

/**
 * Declares a route: its Nest mapping, allowed roles and status all come from the spec that
 * also feeds the OpenAPI document, so the two cannot drift apart.
 */
export function Endpoint(spec: EndpointSpec) {
  const existing = registry.get(spec.operationId);
  if (existing && existing !== spec) throw new Error(`operationId ${spec.operationId} declared twice`);
  if (spec.public && spec.roles.length > 0)
    throw new Error(`${spec.operationId}: a public route declares no roles`);
  registry.set(spec.operationId, spec);
  return applyDecorators(
    RequestMapping({ path: spec.path, method: RequestMethod[spec.method] }),
    spec.public ? Public() : Roles(...spec.roles),
    HttpCode(spec.response.status),
    ...(spec.eventual ? [UseInterceptors(RetryAfterWhileNotThere)] : []),
  );
}

/** A controller of REST routes under /api/v1. */
export const ApiController = () => Controller(API_PREFIX);
