// Types of lib/trusted-proxies.mjs (plain JavaScript: server.mjs loads it without a build).
export function compileTrustedProxies(entries: string[]): (address: string) => boolean;
export function parseTrustedProxies(value: string | undefined): string[];
