// ua-parser-js 1.x (MIT) ships no types; only what describeDevice uses.
declare module 'ua-parser-js' {
  type UAParserPart = { name?: string; version?: string };
  export class UAParser {
    constructor(userAgent?: string);
    getBrowser(): UAParserPart & { major?: string };
    getOS(): UAParserPart;
    getDevice(): { type?: string; vendor?: string; model?: string };
  }
}
