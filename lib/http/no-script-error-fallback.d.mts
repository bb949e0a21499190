import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export function chooseFallbackLocale(headers: IncomingHttpHeaders): 'en' | 'de';
export function retryPathOf(request: Pick<IncomingMessage, 'method' | 'url'>): string;
export function stylesheetsOf(linkHeader: unknown): string[];
export function addNoScriptErrorMessage(html: string, options: { requestId: string; locale: 'en' | 'de'; retryPath: string; stylesheets?: string[] }): string | null;
export function withNoScriptErrorFallback(request: IncomingMessage, response: ServerResponse): void;
