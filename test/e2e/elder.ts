import type { Page } from 'playwright-core';

/** One element that breaks an elder-mode rule, described so a failure says where to look. */
export interface ElderViolation {
  rule: 'text' | 'target' | 'wrap';
  what: string;
  value: number;
}

/**
 * Measures the visible page (the element with `data-testid=pageId`) and the H5 tab bar in elder
 * mode, by computed style and layout as the browser draws them (product.md: main text ≥ 18 px,
 * touch targets ≥ 60 px), and short labels (≤ 8 characters) drawn on one line, so "年化利/率" cannot
 * happen on a narrow phone. Returns every violation; [] when the screen complies.
 */
export async function elderViolations(page: Page, pageId: string): Promise<ElderViolation[]> {
  return page.evaluate((id) => {
    const MIN_TEXT = 18;
    const MIN_TARGET = 60;
    const out: { rule: 'text' | 'target' | 'wrap'; what: string; value: number }[] = [];
    const roots = [
      ...Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).filter(
        (el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed',
      ),
      ...Array.from(document.querySelectorAll('.taro-tabbar__tabbar:not(.taro-tabbar__tabbar-hide)')),
    ];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const describe = (el: Element) => {
      const testId = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
      const text = (el.textContent ?? '').trim().slice(0, 16);
      return `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} [${testId}] “${text}”`;
    };
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const el = node.parentElement;
        if (!text || !el || !shown(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < MIN_TEXT - 0.01) out.push({ rule: 'text', what: describe(el), value: size });
        if ([...text].length <= 8) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push({ rule: 'wrap', what: describe(el), value: tops.size });
        }
      }
      const targets = root.querySelectorAll(
        '.nut-button, .nut-checkbox, .nut-radio, .nut-input, .weui-tabbar__item, .lj-choice__option, .lj-tap',
      );
      for (const el of Array.from(targets)) {
        if (!shown(el)) continue;
        const h = el.getBoundingClientRect().height;
        if (h < MIN_TARGET - 0.01) out.push({ rule: 'target', what: describe(el), value: Math.round(h * 10) / 10 });
      }
    }
    return out;
  }, pageId);
}
