import { Body, PipeTransform, Query } from '@nestjs/common';
import type { z } from 'zod';

/** Validates with a zod schema; a ZodError becomes a 400 problem with `errors` in the filter. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return this.schema.parse(value);
  }
}

/** The request body, parsed by the schema (the same one the endpoint declares for OpenAPI). */
export const ValidBody = (schema: z.ZodType) => Body(new ZodPipe(schema));
export const ValidQuery = (schema: z.ZodType) => Query(new ZodPipe(schema));
