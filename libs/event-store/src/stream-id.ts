import { InvalidAppendError } from './errors';

const STREAM_ID = /^([a-z][a-z0-9_]*)-(.+)$/;

/** Stream ids are `<category>-<id>`, e.g. `complaint-<caseId>`. */
export function categoryOf(streamId: string): string {
  const match = STREAM_ID.exec(streamId);
  if (!match || streamId.length > 200) {
    throw new InvalidAppendError(`stream id "${streamId.slice(0, 80)}" is not <category>-<id>`);
  }
  return match[1];
}

export function streamIdOf(category: string, id: string): string {
  return `${category}-${id}`;
}
