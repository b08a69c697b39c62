/**
 * XMLHttpRequest as a component test drives it: the uploads (api/transfer.ts) go through it for
 * their progress events. Each request is recorded; the test reports progress and answers it.
 */
import { act } from 'react';
export class FakeXhr {
  static requests: FakeXhr[] = [];
  static install(): void {
    FakeXhr.requests = [];
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  }

  method = '';
  url = '';
  readonly headers = new Headers();
  body: unknown;
  status = 0;
  responseText = '';
  readonly upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null; onload: (() => void) | null } =
    {
      onprogress: null,
      onload: null,
    };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  send(body: unknown): void {
    this.body = body;
    FakeXhr.requests.push(this);
  }
  abort(): void {
    this.onabort?.();
  }

  /** The browser has sent `loaded` of `total` bytes. */
  progress(loaded: number, total: number): void {
    // act(): the progress bar's state changes as a browser event would change it.
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  /** The whole body is sent and the gateway answers. */
  respond(status: number, body: unknown): void {
    act(() => {
      this.upload.onload?.();
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.onload?.();
    });
  }
}
