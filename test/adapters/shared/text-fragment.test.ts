import { describe, expect, it } from 'vitest';
import {
  encodeTextDirectiveTerm,
  linkToQuote,
  textDirective,
} from '../../../adapters/shared/text-fragment.js';

describe('encodeTextDirectiveTerm', () => {
  it('percent-encodes spaces and what the directive syntax reserves: - , &', () => {
    // The report's own examples: "an%20example%20text%20fragment", and a hyphen as %2D.
    expect(encodeTextDirectiveTerm('an example text fragment')).toBe(
      'an%20example%20text%20fragment',
    );
    expect(encodeTextDirectiveTerm('well-known')).toBe('well%2Dknown');
    expect(encodeTextDirectiveTerm('a, b & c')).toBe('a%2C%20b%20%26%20c');
  });

  it('encodes what would end a Markdown link or start another fragment', () => {
    expect(encodeTextDirectiveTerm("(it's) #1!*")).toBe('%28it%27s%29%20%231%21%2A');
  });

  it('encodes letters beyond ASCII as UTF-8 bytes', () => {
    expect(encodeTextDirectiveTerm('Skłodowska – Curie')).toBe(
      'Sk%C5%82odowska%20%E2%80%93%20Curie',
    );
  });
});

describe('textDirective', () => {
  it('selects a short quote whole, its edge punctuation and quote marks trimmed', () => {
    expect(textDirective('“The ferry sails at noon.”')).toBe(
      'text=The%20ferry%20sails%20at%20noon',
    );
  });

  it('selects a long quote by its first and last words, as textStart,textEnd', () => {
    const quote =
      'Russia has gathered around 100,000 troops near the border, officials said on Tuesday, ' +
      'and more are on their way.';
    expect(textDirective(quote)).toBe(
      'text=Russia%20has%20gathered%20around,are%20on%20their%20way',
    );
  });

  it('collapses line breaks and runs of spaces', () => {
    expect(textDirective('one\n  two\tthree')).toBe('text=one%20two%20three');
  });

  it('gives nothing for a quote without a word', () => {
    expect(textDirective(' … ')).toBeNull();
  });
});

describe('linkToQuote', () => {
  it('appends the text directive after the fragment directive delimiter', () => {
    expect(linkToQuote('https://example.com/story', 'The ferry sails.')).toBe(
      'https://example.com/story#:~:text=The%20ferry%20sails',
    );
  });

  it('keeps an existing fragment before the delimiter, and replaces an old directive', () => {
    expect(linkToQuote('https://example.com/story#part-2', 'The ferry sails.')).toBe(
      'https://example.com/story#part-2:~:text=The%20ferry%20sails',
    );
    expect(linkToQuote('https://example.com/s#:~:text=old', 'new words')).toBe(
      'https://example.com/s#:~:text=new%20words',
    );
  });

  it('makes no link from anything but an http(s) URL', () => {
    expect(linkToQuote('javascript:alert(1)', 'The ferry sails.')).toBeNull();
    expect(linkToQuote('ftp://example.com/story', 'The ferry sails.')).toBeNull();
  });
});

describe('text fragments of awkward text', () => {
  it('replaces a lone surrogate rather than failing, and skips words too long for a link', () => {
    expect(textDirective('broken \uD800 text')).toBe('text=broken%20%EF%BF%BD%20text');
    expect(textDirective('x'.repeat(500))).toBeNull();
    expect(linkToQuote('https://example.com/a', 'x'.repeat(500))).toBe('https://example.com/a');
  });
});
