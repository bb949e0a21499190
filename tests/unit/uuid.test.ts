import { isUuid } from '@/lib/uuid';

describe('isUuid', () => {
  test('accepts a UUID in either case', () => {
    expect(isUuid('0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11')).toBe(true);
    expect(isUuid('0B7F4D1E-4C53-4A53-9F2C-6F1F0A8F2B11')).toBe(true);
  });

  test('refuses what a client may send instead: other text, extra characters, other types', () => {
    for (const value of ['', 'not-a-uuid', '0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11x', ' 0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11', "1' OR '1'='1", null, undefined, 42, ['0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11']]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
