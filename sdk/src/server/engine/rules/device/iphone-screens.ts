/**
 * Every logical screen size (CSS px = iOS points, portrait) an iPhone that runs current WeChat
 * reports, with the pixel ratios it comes with — including the Display Zoom variants, where a
 * large iPhone renders a smaller iPhone's layout. A claimed iPhone with any other size is an
 * emulator or a spoofed model. Update when Apple ships a new size (bump DEVICE_EMULATOR's version).
 */
export const IPHONE_SCREENS: ReadonlyArray<{
  width: number;
  height: number;
  ratios: readonly number[];
  models: string;
}> = [
  { width: 320, height: 480, ratios: [1, 2], models: '3GS, 4, 4s' },
  { width: 320, height: 568, ratios: [2], models: '5, 5s, 5c, SE (1st); 6–8 zoomed' },
  { width: 375, height: 667, ratios: [2, 3], models: '6, 6s, 7, 8, SE (2nd, 3rd); Plus zoomed' },
  { width: 414, height: 736, ratios: [3], models: '6 Plus – 8 Plus' },
  { width: 375, height: 812, ratios: [2, 3], models: 'X, XS, 11 Pro, 12 mini, 13 mini; Max/Plus/XR zoomed' },
  { width: 414, height: 896, ratios: [2, 3], models: 'XR, 11 (@2); XS Max, 11 Pro Max (@3)' },
  { width: 320, height: 693, ratios: [3], models: '6.1" and mini models zoomed' },
  { width: 390, height: 844, ratios: [3], models: '12, 12 Pro, 13, 13 Pro, 14, 16e' },
  { width: 428, height: 926, ratios: [3], models: '12 Pro Max, 13 Pro Max, 14 Plus' },
  { width: 393, height: 852, ratios: [3], models: '14 Pro, 15, 15 Pro, 16' },
  { width: 430, height: 932, ratios: [3], models: '14 Pro Max, 15 Plus, 15 Pro Max, 16 Plus' },
  { width: 402, height: 874, ratios: [3], models: '16 Pro, 17, 17 Pro; 16/17 Pro Max zoomed' },
  { width: 420, height: 912, ratios: [3], models: 'Air' },
  { width: 440, height: 956, ratios: [3], models: '16 Pro Max, 17 Pro Max' },
];

/** Whether (width, height) in either orientation — and the pixel ratio, when known — is an iPhone's. */
export function isIphoneScreen(width: number, height: number, pixelRatio: number | null): boolean {
  const w = Math.round(Math.min(width, height));
  const h = Math.round(Math.max(width, height));
  return IPHONE_SCREENS.some(
    (s) =>
      s.width === w && s.height === h && (pixelRatio === null || s.ratios.some((r) => Math.abs(r - pixelRatio) < 0.01)),
  );
}
