import { endSession, getSession } from '../auth/session';
import { ApiError, type Problem } from './problem';

/**
 * Uploads and downloads that openapi-fetch cannot do: an upload with progress (fetch reports none)
 * and a file saved from its bytes. Both send the bearer token in a header, as the client does (a
 * token never goes in a URL), and turn a failure into the same ApiError.
 */

export interface UploadRequest {
  /** The API path, e.g. `/api/v1/cases/<id>/investigation/evidence?workweekStart=monday`. */
  url: string;
  /** The operation as in operation-roles.ts (`POST /api/v1/cases/{caseId}/...`), for a 403's roles. */
  operation: string;
  body: Blob | string;
  contentType: string;
  headers?: Record<string, string>;
  /** Called with the fraction of the body sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function upload<T>(req: UploadRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', req.url);
    const session = getSession();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('Content-Type', req.contentType);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(req.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) req.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => req.onProgress?.(1);
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401 && session) endSession('expired');
      reject(
        new ApiError(xhr.status, (body as Problem | undefined) ?? { status: xhr.status }, req.operation),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'network error' }, req.operation));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    req.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(req.body);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fetches a file with the bearer token and saves it under `fileName` through a blob URL, so the
 * file never needs a URL a token could leak from.
 */
export async function download(url: string, operation: string, fileName: string): Promise<void> {
  const session = getSession();
  let response: Response;
  try {
    const headers = session ? { Authorization: `Bearer ${session.accessToken}` } : undefined;
    response = await fetch(new Request(url, { headers }));
  } catch (e) {
    throw new ApiError(0, { detail: (e as Error)?.message }, operation);
  }
  if (!response.ok) {
    if (response.status === 401 && session) endSession('expired');
    const type = response.headers.get('content-type') ?? '';
    const problem = type.includes('json')
      ? ((await response.json()) as Problem)
      : { status: response.status };
    throw new ApiError(response.status, problem, operation);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; free the bytes once the browser has taken them.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
