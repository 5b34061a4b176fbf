import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccCheckChar, validateUscc } from './uscc.js';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts the standard example and codes in lower case', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('91350100m000100y43').ok).toBe(true);
  });

  it('names the check position and the expected character when the check digit is wrong', () => {
    const res = validateUscc('91350100M000100Y44');
    expect(res).toMatchObject({ ok: false, position: 18, expected: '3' });
  });

  it('names the position of a character outside the alphabet', () => {
    expect(validateUscc('91350100M0001I0Y43')).toMatchObject({ ok: false, position: 14 });
    expect(validateUscc('9135010OM000100Y43')).toMatchObject({ ok: false, position: 8 });
  });

  it('refuses the wrong length without a position', () => {
    expect(validateUscc('91350100M000100Y4')).toMatchObject({ ok: false, position: null });
  });

  it('accepts every code built with its own check character and rejects any single changed character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const char = fc.constantFrom(...alphabet.split(''));
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 2, maxLength: 2 }),
        fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 6, maxLength: 6 }),
        fc.array(char, { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (head, region, org, pos, shift) => {
          const first17 = head.join('') + region.join('') + org.join('');
          const full = first17 + usccCheckChar(first17);
          expect(validateUscc(full).ok).toBe(true);
          // The weights are coprime with 31, so any single substitution changes the check character.
          const orig = alphabet.indexOf(first17[pos]!);
          const replaced = alphabet[(orig + shift) % 31]!;
          if (pos >= 2 && pos < 8 && !/[0-9]/.test(replaced)) return;
          const mutated = first17.slice(0, pos) + replaced + first17.slice(pos + 1) + full[17];
          expect(validateUscc(mutated).ok).toBe(false);
        },
      ),
    );
  });
});
