import { z } from 'zod';
import { classify, pub, type Classification } from './classification';

/*
 * Replies: what a service answers a request with, once. The service's reply type is `z.infer` of
 * the contract and the gateway documents the same schema in OpenAPI, so the two cannot drift.
 * Fields carry their classification as events' fields do (docs/architecture.md#classification-of-fields).
 */

/** One page of a keyset-paged list, as the gateway answers it. */
export const pageReply = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: pub(z.string().nullable()) });

/** The stream version after a command: the ETag of the answer and the next If-Match. */
export const commandVersion = (of = 'The stream version') =>
  pub(z.int()).describe(`${of} after the command; the next If-Match.`);

/**
 * An object that answers more fields than it declares (a view folding a registration's or a
 * case's own fields): the undeclared ones take `rest`'s classification.
 */
export const openReply = <T extends z.core.$ZodLooseShape>(rest: Classification, shape: T) =>
  z.object(shape).catchall(classify(rest, z.unknown()));
