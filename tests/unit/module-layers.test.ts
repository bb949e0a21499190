import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The folders of lib/ (and db/, and app/) form layers: no two folders import each other, directly
// or around a longer loop (issue 13.3). A module is a folder of lib/ (lib/access, lib/auth…) or a
// file at its root (lib/env.ts), db/ as a whole, and a folder of app/. Type imports count: a loop
// of types is still two folders that cannot be understood one without the other.

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.mts') ? [relative] : [];
  });
}

/** The module a repository path belongs to, or null outside lib/, db/ and app/. */
function moduleOf(file: string): string | null {
  const [top, second, third] = file.split('/');
  if (top === 'db') return 'db';
  if (top !== 'lib' && top !== 'app') return null;
  return third === undefined ? `${top}/${second!.replace(SOURCE, '')}` : `${top}/${second}`;
}

function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return null;
}

type Edge = { from: string; to: string; example: string };

function moduleEdges(files: string[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const file of files) {
    const from = moduleOf(file)!;
    for (const [, specifier] of readFileSync(path.join(ROOT, file), 'utf8').matchAll(IMPORT)) {
      const target = resolveSpecifier(file, specifier!);
      const to = target && moduleOf(target);
      if (!to || to === from || edges.has(`${from}>${to}`)) continue;
      edges.set(`${from}>${to}`, { from, to, example: `${file} imports ${specifier}` });
    }
  }
  return [...edges.values()];
}

/** One loop of the graph (its edges in order), or null when the graph has none. */
function findLoop(edges: Edge[]): Edge[] | null {
  const outgoing = new Map<string, Edge[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  const state = new Map<string, 'open' | 'done'>();
  const trail: Edge[] = [];
  const visit = (node: string): Edge[] | null => {
    state.set(node, 'open');
    for (const edge of outgoing.get(node) ?? []) {
      if (state.get(edge.to) === 'open') return [...trail.slice(trail.findIndex((step) => step.from === edge.to)), edge];
      if (state.has(edge.to)) continue;
      trail.push(edge);
      const loop = visit(edge.to);
      if (loop) return loop;
      trail.pop();
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of outgoing.keys()) {
    const loop = state.has(node) ? null : visit(node);
    if (loop) return loop;
  }
  return null;
}

const describeLoop = (loop: Edge[] | null) => loop && loop.map((edge) => `${edge.from} → ${edge.to} (${edge.example})`);

describe('module layers', () => {
  const edges = moduleEdges([...sourceFiles('lib'), ...sourceFiles('db'), ...sourceFiles('app')]);

  test('the check sees the imports and finds a loop where there is one', () => {
    expect(edges.length).toBeGreaterThan(50);
    expect(edges).toContainEqual(expect.objectContaining({ from: 'lib/users', to: 'lib/access' }));
    const loop = findLoop([
      { from: 'lib/a', to: 'lib/b', example: 'a' },
      { from: 'lib/b', to: 'lib/c', example: 'b' },
      { from: 'lib/c', to: 'lib/a', example: 'c' },
    ]);
    expect(loop?.map((edge) => edge.from)).toEqual(['lib/a', 'lib/b', 'lib/c']);
  });

  test('no folder of lib/, db/ or app/ imports back, directly or around a loop, what it is imported by', () => {
    expect(describeLoop(findLoop(edges))).toBeNull();
  });

  test('db/ depends on nothing in lib/ or app/', () => {
    expect(edges.filter((edge) => edge.from === 'db').map((edge) => edge.example)).toEqual([]);
  });
});
