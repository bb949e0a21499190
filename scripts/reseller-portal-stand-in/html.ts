// Plain HTML for the stand-in's pages: server-rendered forms that work without JavaScript.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** A tagged template whose interpolations are escaped, except those already made with `html`. */
export class Html {
  constructor(readonly text: string) {}
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const parts = strings.map((part, index) => {
    if (index >= values.length) return part;
    const value = values[index];
    const rendered = Array.isArray(value)
      ? value.map((entry) => (entry instanceof Html ? entry.text : escapeHtml(String(entry)))).join('')
      : value instanceof Html
        ? value.text
        : value === null || value === undefined || value === false
          ? ''
          : escapeHtml(String(value));
    return part + rendered;
  });
  return new Html(parts.join(''));
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f1ea; color: #1d1b16; }
  main { max-width: 26rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border: 1px solid #d5d0c3; border-radius: 8px; }
  .brand { color: #5b5443; font-size: .875rem; font-weight: 600; margin: 0 0 .5rem; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { box-sizing: border-box; width: 100%; font: inherit; padding: .5rem; border: 1px solid #8a8370; border-radius: 4px; }
  button { margin-top: 1.25rem; font: inherit; padding: .55rem 1.1rem; border: 0; border-radius: 4px; background: #6b3fa0; color: #fff; cursor: pointer; }
  .secondary { background: #e4e0d6; color: #1d1b16; }
  .error { color: #a1131b; font-weight: 600; }
  code { word-break: break-all; }
  table { border-collapse: collapse; } td, th { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e4e0d6; }
`;

export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Reseller Portal (stand-in)</title><style>${new Html(STYLE)}</style></head>
<body><main><p class="brand">Reseller Portal (development stand-in)</p><h1>${title}</h1>${body}</main></body>
</html>`.text;
}
