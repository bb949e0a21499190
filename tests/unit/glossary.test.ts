import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGES } from '@/messages';

// messages/GLOSSARY.md is the rule: every German text uses the glossary's term and none of the
// words in its last column (GERMAN.md, "one word per concept").

type GlossaryRow = { english: string; approved: string[]; forbidden: string[] };
type Messages = { [key: string]: string | Messages };

const GLOSSARY_PATH = path.resolve(__dirname, '..', '..', 'messages', 'GLOSSARY.md');

const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

function readGlossary(): GlossaryRow[] {
  return readFileSync(GLOSSARY_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line) && !/^\|\s*English\s*\|/.test(line))
    .map((line) => {
      const [english = '', german = '', never = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { english, approved: backticked(german), forbidden: backticked(never) };
    });
}

function flatten(messages: Messages, prefix = ''): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]) => {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[keyPath, value] as [string, string]] : flatten(value, keyPath);
  });
}

/** What a reader sees: ICU argument names (`{tenantDomain}`) and markup tags are not words of the text. */
function visibleText(text: string): string {
  return text.replace(/\{\s*\w+\s*(?:,\s*(?:plural|select|selectordinal|number|date|time)\s*,?)?/g, '{').replace(/<\/?\w+>/g, ' ');
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole word in any case, with the endings German adds (Tenants, Admins, Kennworts). */
function wordPattern(term: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?:s|e|en|n|es|er|ern)?(?![\\p{L}])`, 'iu');
}

/** The glossary's words that a German text uses although the glossary replaces them. */
function findReplacedTerms(text: string, glossary: GlossaryRow[]): string[] {
  const visible = visibleText(text);
  return glossary.flatMap((row) => {
    // The row's own German terms are fine, even where a forbidden word is part of them.
    const masked = row.approved.reduce((current, term) => current.replace(new RegExp(escapeRegExp(term), 'giu'), ' '), visible);
    return row.forbidden.filter((term) => wordPattern(term).test(masked)).map((term) => `"${term}" (use ${row.approved.map((approved) => `"${approved}"`).join(' or ')})`);
  });
}

const glossary = readGlossary();
const german = flatten(MESSAGES.de as Messages);

describe('German glossary (messages/GLOSSARY.md)', () => {
  it('has the core terms the team decided, each with its German word', () => {
    const english = glossary.map((row) => row.english);
    for (const term of ['tenant', 'tenant domain', 'password', 'audit log', 'Apply (button)', 'two-factor authentication', 'session']) {
      expect(english).toContain(term);
    }
    expect(glossary.filter((row) => row.approved.length === 0)).toEqual([]);
  });

  it.each([
    ['Eigenen Tenant öffnen', ['"Tenant"']],
    ['Geben Sie Ihre Tenant-Domain ein.', ['"Tenant"', '"Tenant-Domain"']],
    ['Administratoren Ihres Tenants', ['"Tenant"']],
    ['Audit-Log', ['"Audit-Log"']],
    ['Anwenden', ['"Anwenden"']],
    ['Neues Kennwort', ['"Kennwort"']],
    ['Zwei-Faktor zurücksetzen', ['"Zwei-Faktor"']],
    ['Die Zwei-Faktor-Authentifizierung ist aktiv.', []],
    ['Ihre Mandanten-Domain, z. B. {tenantDomain}', []],
    ['Angemeldet als {username} bei {tenantName}', []],
    ['Administratoren ohne 2FA', []],
  ])('finds replaced words: %s', (text, expected) => {
    expect(findReplacedTerms(text, glossary).map((finding) => finding.split(' (')[0])).toEqual(expected);
  });

  it('messages/de uses no word the glossary replaces', () => {
    const findings = german.flatMap(([key, text]) => findReplacedTerms(text, glossary).map((finding) => `${key}: ${finding}`));
    expect(findings).toEqual([]);
  });

  it('messages/de puts a space before every ellipsis ("Wird gesendet …")', () => {
    expect(german.filter(([, text]) => /\S…/.test(visibleText(text))).map(([key]) => key)).toEqual([]);
  });
});
