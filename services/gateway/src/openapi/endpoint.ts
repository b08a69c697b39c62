import { applyDecorators, Controller, HttpCode, RequestMapping, RequestMethod } from '@nestjs/common';
import type { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import type { Role } from '../auth/roles';

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
  tags?: string[];
  roles: Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * Request bodies accepted besides JSON (e.g. text/csv, raw bytes), by media type: a media type
   * (or range, `*\/*`) and what the body holds. Anything else is a 415.
   */
  otherBodies?: Array<{ mediaType: string; description: string; schema: Record<string, unknown> }>;
  response: { status: number; description: string; schema?: z.ZodType };
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
  registry.set(spec.operationId, spec);
  return applyDecorators(
    RequestMapping({ path: spec.path, method: RequestMethod[spec.method] }),
    Roles(...spec.roles),
    HttpCode(spec.response.status),
  );
}

/** A controller of REST routes under /api/v1. */
export const ApiController = () => Controller(API_PREFIX);
