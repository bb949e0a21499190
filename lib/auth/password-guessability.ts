import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as germanDictionary } from '@zxcvbn-ts/language-de';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';

// The blocklist of SECURITY.md (ASVS 6.2.4, NIST SP 800-63B 3.1.1.2), as zxcvbn-ts applies it: a
// password is refused when it is a breached password, a common word or name, a keyboard walk, a
// sequence, a repeat, a date, or any concatenation of these (`qwertyuiop1234`), not only when it
// equals a list entry. An exact-match list cannot do that: of its entries barely any reach our
// minimum of 12 characters, while such concatenations pass any length rule.
//
// Lists (all MIT, see README "Password rules"): @zxcvbn-ts/language-common's 49,233 most frequent
// breached passwords and its keyboard graphs, and the common words, first and last names of its
// English and German packages. Their Wikipedia lists are left out: they cost another 30 MB of heap
// and add little for passwords of 12 characters and more.

/**
 * zxcvbn's score 3 starts at 10^8 guesses: "safely unguessable" for an online attack, and what
 * remains for an attacker holding the bcrypt hashes is their cost. Below it, the password is built
 * from things attackers try first.
 */
export const MIN_GUESSABILITY_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function getFactory(): ZxcvbnFactory {
  // Built on first use (about 15 MB of ranked dictionaries): only the pages that set a password pay it.
  factory ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: {
      ...commonDictionary,
      'commonWords-en': englishDictionary['commonWords-en'],
      'firstnames-en': englishDictionary['firstnames-en'],
      'lastnames-en': englishDictionary['lastnames-en'],
      'commonWords-de': germanDictionary.commonWords,
      'firstnames-de': germanDictionary.firstnames,
      'lastnames-de': germanDictionary.lastnames,
    },
  });
  return factory;
}

/** True when the password is among, or made of, what attackers guess first. */
export function isEasilyGuessed(password: string): boolean {
  return getFactory().check(password).score < MIN_GUESSABILITY_SCORE;
}

/** The breached-password list itself (frequency-ranked), for tests and documentation. */
export function listBreachedPasswords(): readonly string[] {
  return commonDictionary['passwords-common'] as string[];
}
