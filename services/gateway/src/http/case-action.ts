import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { HttpRequest, HttpResponse } from '@lse/service-kit';
import type { z } from 'zod';
import type { AuthedRequest } from '../auth/request-user';
import type { Role } from '../auth/roles';
import { Endpoint, type EndpointSpec } from '../openapi/endpoint';
import { callContextOf } from '../services/call-context.decorator';
import type { CallContext, ServicesClient } from '../services/services-client';
import { etagFor, parseIfMatch } from './etag';

/*
 * The one way to declare an action on a versioned stream (a case, an agreement, a referral):
 * POST <base>/<path>, its roles, its body, the subject it is sent to; If-Match becomes the
 * expected version, the reply's version the ETag. An area declares what its actions share once:
 *
 *   const action = actionsOf({ base: 'collections/:caseId', params: CaseIdParams, ... });
 *   @action({ operationId: 'offerSettlement', path: 'settlement-offers', summary, body, pattern })
 *   offer(@ActionRequest() call: ActionCall) { return sendAction(this.services, call); }
 */

/** What every action of an area shares. */
export interface ActionArea {
  /** The stream's path with its id, e.g. `collections/:caseId`; each action is a POST under it. */
  base: string;
  /** The path's id; the service gets it under the same name: `{caseId, input, expectedVersion?}`. */
  params: z.ZodObject;
  tags: string[];
  /** Who may act when an action names no roles of its own. */
  roles: Role[];
  /** The service's reply (a contract from @lse/contracts); its `version` becomes the ETag. */
  reply: z.ZodType;
  eventual?: string;
}

export interface ActionSpec extends Pick<EndpointSpec, 'description' | 'query' | 'otherBodies'> {
  operationId: string;
  /** Under the area's base. */
  path: string;
  summary: string;
  body: z.ZodType;
  /** The service subject the command goes to. */
  pattern: string;
  roles?: Role[];
  /** The 200's description, when not the usual one. */
  done?: string;
}

/** A validated action request: what `sendAction` sends and where it puts the ETag. */
export interface ActionCall {
  pattern: string;
  params: Record<string, string>;
  input: unknown;
  ifMatch: string | string[] | undefined;
  ctx: CallContext;
  res: HttpResponse;
}

const ACTION = Symbol('action');
interface ActionMeta {
  params: z.ZodObject;
  body: z.ZodType;
  pattern: string;
}

/** The decorator of an area's actions: the Endpoint (route, roles, OpenAPI) and what the request needs. */
export const actionsOf = (area: ActionArea) => (spec: ActionSpec) =>
  applyDecorators(
    Endpoint({
      operationId: spec.operationId,
      method: 'POST',
      path: `${area.base}/${spec.path}`,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: area.tags,
      roles: spec.roles ?? area.roles,
      params: area.params,
      ...(spec.query ? { query: spec.query } : {}),
      body: spec.body,
      ...(spec.otherBodies ? { otherBodies: spec.otherBodies } : {}),
      ...(area.eventual ? { eventual: area.eventual } : {}),
      response: {
        status: 200,
        description: spec.done ?? 'Done; ETag is the new stream version.',
        schema: area.reply,
      },
      versioned: true,
    }),
    SetMetadata(ACTION, { params: area.params, body: spec.body, pattern: spec.pattern } satisfies ActionMeta),
  );

/**
 * The request of an action declared with `actionsOf`: the path's id and the body validated by the
 * declared schemas, in that order (a ZodError is a 400 naming each field); If-Match is read when
 * sending, after them.
 */
export const ActionRequest = createParamDecorator((_: unknown, context: ExecutionContext): ActionCall => {
  const meta = Reflect.getMetadata(ACTION, context.getHandler()) as ActionMeta | undefined;
  if (!meta) throw new Error(`${context.getHandler().name} is not declared with actionsOf`);
  const http = context.switchToHttp();
  const req = http.getRequest<HttpRequest & AuthedRequest & { params: unknown; body: unknown }>();
  const params = meta.params.parse(req.params) as Record<string, string>;
  const input = meta.body.parse(req.body);
  return {
    pattern: meta.pattern,
    params,
    input,
    ifMatch: req.headers['if-match'],
    ctx: callContextOf(req),
    res: http.getResponse<HttpResponse>(),
  };
});

/** Sends the command with the expected version from If-Match and sets the new version as the ETag. */
export async function sendAction<R extends { version: number }>(
  services: ServicesClient,
  call: ActionCall,
): Promise<R> {
  const expectedVersion = parseIfMatch(call.ifMatch);
  const data = {
    ...call.params,
    input: call.input,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  };
  const result = await services.call<R>(call.pattern, data, call.ctx);
  call.res.setHeader('ETag', etagFor(result.version));
  return result;
}
