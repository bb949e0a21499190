// Types of lib/http/request-context.mjs (plain JavaScript: server.mjs loads it without a build).
type RequestLike = { headers: Record<string, string | string[] | undefined> };
type ResponseLike = { setHeader(name: string, value: string): unknown };

export function runWithRequestId<T>(request: RequestLike, response: ResponseLike, options: { trustForwardedId: boolean }, handle: () => T): T;
export function isFirstReportInRequest(key: string): boolean;
