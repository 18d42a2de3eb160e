import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { truncateText } from '../../adapters/discord/markdown.js';
import { truncateToFit } from '../../adapters/slack/mrkdwn.js';

/**
 * Every regular expression in src/ and adapters/ is fed adversarial input: long runs of the
 * characters it names (alone, in pairs, after its literal prefix, before a character that makes
 * it fail) and scanned as a global replace does, which tries every start position. A linear
 * regex takes well under a millisecond on 20,000 characters; a catastrophic one takes seconds,
 * and a quadratic one (the classic `\s+$` on a long run of spaces) hundreds of milliseconds.
 */

const ROOTS = ['src', 'adapters'];
const RUN_LENGTH = 20_000;
/** Far above a linear scan of 20,000 characters, far below a quadratic one. */
const BUDGET_MS = 40;
/** A first pass on runs a tenth as long; only what is slow there is measured at full length. */
const SCREEN_LENGTH = 2_000;
const SCREEN_MS = 1;

interface FoundRegex {
  where: string;
  regex: RegExp;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Regex literals found by parsing each file (comments and strings cannot fool a parser). */
function collectRegexLiterals(): { literals: FoundRegex[]; constructed: string[] } {
  const literals: FoundRegex[] = [];
  const constructed: string[] = [];
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node) => {
      const line = () => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const end = text.lastIndexOf('/');
        literals.push({
          where: `${file}:${line()} ${text}`,
          regex: new RegExp(text.slice(1, end), text.slice(end + 1)),
        });
      }
      if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        node.expression.getText(source) === 'RegExp'
      ) {
        constructed.push(`${file}: ${node.getText(source)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructed };
}

/** Characters a pattern names literally, plus a sample of what its classes match. */
function alphabetOf(regex: RegExp): string[] {
  const source = regex.source;
  const chars = new Set<string>();
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i] as string;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[^A-Za-z0-9]/.test(next)) chars.add(next);
      if (next === 'u' && source[i + 2] !== '{') {
        chars.add(String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16)));
      }
      i += 1;
    } else if (!'[](){}|*+?^$.,-'.includes(char) || char === ',' || char === '-') {
      chars.add(char);
    }
  }
  const samples = [
    'a',
    'Z',
    '7',
    '_',
    ' ',
    '\t',
    '\n',
    '.',
    '-',
    '@',
    '<',
    '>',
    'é',
    'Ж',
    '中',
    '٣',
    '😀',
    '\u200B',
    '\u2028',
    '\u00A0',
  ];
  // Keep the samples the pattern can match at all (somewhere in a short run of them).
  const probe = new RegExp(source, regex.flags.replace(/[gy]/g, ''));
  for (const sample of samples) if (probe.test(sample.repeat(3))) chars.add(sample);
  return [...chars].filter((char) => char !== '').slice(0, 32);
}

/** The literal text a pattern starts with (after `^`), which adversarial input must get past. */
function literalPrefix(regex: RegExp): string {
  const match = /^\^?((?:[^\\[\](){}|*+?^$.]|\\[^A-Za-z0-9])*)/.exec(regex.source);
  const prefix = (match?.[1] ?? '').replace(/\\(.)/g, '$1');
  // A quantifier after the last literal character makes that character optional.
  return /^[*+?{]/.test(regex.source.slice(match?.[0].length ?? 0)) ? prefix.slice(0, -1) : prefix;
}

function adversarialInputs(regex: RegExp, length: number): string[] {
  const alphabet = alphabetOf(regex);
  const prefixes = [...new Set(['', literalPrefix(regex)])];
  const pumps = [...alphabet];
  const literal = alphabet.filter((char) => regex.source.includes(char)).slice(0, 5);
  for (const a of literal) for (const b of literal) if (a !== b) pumps.push(a + b);
  const inputs: string[] = [];
  for (const prefix of prefixes) {
    for (const pump of pumps) {
      const run = pump.repeat(Math.ceil(length / pump.length));
      inputs.push(prefix + run, `${prefix + run}\u0000`);
    }
  }
  return inputs;
}

/** Milliseconds a global replace takes: every start position, every match. */
function scanTime(regex: RegExp, input: string): number {
  const global = new RegExp(regex.source, `${regex.flags.replace(/[gy]/g, '')}g`);
  const started = performance.now();
  input.replace(global, '');
  return performance.now() - started;
}

/**
 * The slowest adversarial input for `regex` at `length`, screened first on short runs; a slow
 * time is re-measured so a garbage-collection pause is not blamed on the regex.
 */
function slowest(regex: RegExp, length = RUN_LENGTH): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  const screen = Math.min(SCREEN_LENGTH, length);
  const short = adversarialInputs(regex, screen);
  const long = adversarialInputs(regex, length);
  short.forEach((input, i) => {
    if (screen < length && scanTime(regex, input) <= SCREEN_MS) return;
    const full = long[i] as string;
    let ms = scanTime(regex, full);
    if (ms > BUDGET_MS) ms = Math.min(ms, scanTime(regex, full), scanTime(regex, full));
    if (ms > worst.ms) worst = { ms, input: full };
  });
  return worst;
}

const describeInput = (input: string) =>
  `${JSON.stringify(input.slice(0, 12))}… (${input.length} chars)`;

const { literals, constructed } = collectRegexLiterals();

describe('regular expressions in src/ and adapters/', () => {
  it('finds the regex literals by parsing the sources', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it('scans adversarial input in linear time: none exceeds the budget on 20,000 characters', () => {
    const slow = literals
      .map(({ where, regex }) => ({
        where,
        ...slowest(regex),
      }))
      .filter(({ ms }) => ms > BUDGET_MS)
      .map(({ where, ms, input }) => `${where}: ${ms.toFixed(0)} ms on ${describeInput(input)}`);
    expect(slow).toEqual([]);
  });

  it('catches the slow regexes it was written against (the detector itself works)', () => {
    // Found here and replaced in adapters/: trailing joiners, sentence ends, trailing slashes;
    // plus the textbook catastrophic pattern.
    const caught = (bad: RegExp, length: number) =>
      adversarialInputs(bad, length).some((input) => scanTime(bad, input) > BUDGET_MS);
    for (const bad of [/(?:\\?[,;:–—-]|\s)+$/, /[.!?…]+["'”’»)\]]*(?=\s)/g, /\/+$/]) {
      expect(caught(bad, RUN_LENGTH), String(bad)).toBe(true);
    }
    // Exponential: 24 characters already take millions of steps.
    expect(caught(/^(a+)+$/, 24)).toBe(true);
  });

  it('builds only the reviewed regexes at run time, and they are linear too', () => {
    // The expected lines are source text: the ${…} in them is meant literally.
    const reviewed = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text, not a template
      "adapters/discord/handlers/message.ts: new RegExp(`<@!?${botId}>`, 'g')",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text, not a template
      "adapters/slack/question.ts: new RegExp(`<@${escapeRegExp(botUserId)}(?:\\\\|[^>]*)?>`, 'g')",
    ];
    expect(constructed.map((line) => line.replace(/\s+/g, ' '))).toEqual(reviewed);
    // As built with the ids the platforms use (a Discord snowflake, an escaped Slack user id).
    for (const regex of [/<@!?123456789012345678>/g, /<@U0123ABCD(?:\|[^>]*)?>/g]) {
      expect(slowest(regex).ms).toBeLessThanOrEqual(BUDGET_MS);
    }
  });
});

describe('the truncation loops around those regexes', () => {
  it('cut 20,000-character runs of spaces, joiners, dots and backslashes quickly', () => {
    const runs = [' ', '-', ', ', '…', '.', '\\-', '\\', 'word '].map((unit) =>
      `x${unit.repeat(Math.ceil(RUN_LENGTH / unit.length))}y z`.slice(0, RUN_LENGTH),
    );
    for (const text of runs) {
      const started = performance.now();
      expect(truncateText(text, 4_000).length).toBeLessThanOrEqual(4_000);
      expect(truncateToFit(text, 3_000).length).toBeLessThanOrEqual(3_000);
      expect(performance.now() - started, JSON.stringify(text.slice(0, 6))).toBeLessThan(200);
    }
  });
});
