import { describe, expect, it } from 'vitest';
import { fileName } from '../../src/app/files.ts';

describe('download file names', () => {
  it('are ASCII: æ, ø and å spelt out, accents dropped, anything else a single hyphen', () => {
    expect(fileName('afviste rækker')).toBe('afviste-raekker');
    expect(fileName('opfølgninger', 'Østerbro/Ågade', 'uge 27, 2025')).toBe('opfoelgninger-Oesterbro-Aagade-uge-27-2025');
    expect(fileName('follow-ups', 'Café Noël')).toBe('follow-ups-Cafe-Noel');
  });

  it('carry neither a masked CPR number nor a path', () => {
    expect(fileName('list', 'AB ••••••-••••', '../x')).toBe('list-AB-x');
  });
});
