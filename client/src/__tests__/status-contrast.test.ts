import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { CASE_STATUSES } from '@herorientatie/domain';

const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('status badges', () => {
  for (const status of CASE_STATUSES) {
    it(`"${status}" has text that contrasts at least 4.5:1 with its background`, () => {
      const rule = new RegExp(`\\.app-status-badge--${status}\\s*\\{([^}]*)\\}`).exec(css);
      expect(rule, `a rule for .app-status-badge--${status}`).not.to.equal(null);
      const background = /background-color:\s*(#[0-9a-f]{6})/i.exec(rule![1]!)?.[1];
      const color = /[^-]color:\s*(#[0-9a-f]{6})/i.exec(rule![1]!)?.[1];
      expect(background && color, 'both colours as #rrggbb').to.be.a('string');
      expect(contrast(background!, color!)).to.be.at.least(4.5);
    });
  }
});
