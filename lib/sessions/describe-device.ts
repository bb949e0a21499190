import { UAParser } from 'ua-parser-js';

/** A browser and its system as people say it: "Chrome 142 on Linux"; parts that are unknown are left out. */
export type DeviceDescription = { browser: string | null; os: string | null };

/**
 * Reads a stored User-Agent with ua-parser-js (1.x, MIT; 2.x is AGPL) instead of our own regular
 * expressions. The raw string stays available to the page (a title), never the only thing shown.
 */
export function describeDevice(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: null, os: null };
  const parser = new UAParser(userAgent);
  const browser = parser.getBrowser();
  const os = parser.getOS();
  const browserText = browser.name ? [browser.name, browser.major].filter(Boolean).join(' ') : null;
  const osText = os.name ? [os.name, os.version].filter(Boolean).join(' ') : null;
  return { browser: browserText, os: osText };
}
