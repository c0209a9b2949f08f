import { describe, expect, it } from 'vitest';
import { consultationState } from './consultation.ts';

const entry = { opens: new Date('2026-11-15'), closes: new Date('2027-01-15') };

describe('consultation state, in Vietnam time', () => {
  it('is upcoming until midnight of the opening day in Huế', () => {
    expect(consultationState(entry, new Date('2026-11-14T23:59:00+07:00'))).toBe('sap-mo');
    expect(consultationState(entry, new Date('2026-11-15T00:00:00+07:00'))).toBe('dang-lay-y-kien');
  });

  it('stays open through the whole closing day', () => {
    expect(consultationState(entry, new Date('2027-01-15T23:59:00+07:00'))).toBe('dang-lay-y-kien');
    expect(consultationState(entry, new Date('2027-01-16T00:00:00+07:00'))).toBe('da-ket-thuc');
  });
});
