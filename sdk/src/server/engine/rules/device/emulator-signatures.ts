/**
 * Brands and models that emulators report out of the box: Android Studio's AVD, Genymotion
 * (VirtualBox), MuMu, BlueStacks, and WeChat DevTools' simulator (brand `devtools`). Emulators
 * that impersonate a real phone's brand and model (LDPlayer, Nox) are caught by their x86 ABI
 * instead. Kept to names no retail phone uses; a change here is a new DEVICE_EMULATOR version.
 */
export const EMULATOR_BRANDS: ReadonlySet<string> = new Set([
  'devtools',
  'generic',
  'generic_x86',
  'generic_x86_64',
  'genymotion',
  'bluestacks',
]);

export const EMULATOR_MODELS: readonly RegExp[] = [
  /^sdk_g?phone/i, // AVD system images: sdk_gphone64_x86_64, sdk_phone_x86
  /^android sdk built for /i,
  /^google_sdk$/i,
  /emulator/i,
  /genymotion/i,
  /^vbox/i,
  /^mumu/i,
  /bluestacks/i,
];

export function isEmulatorSignature(brand: string | null, model: string | null): boolean {
  if (brand !== null && EMULATOR_BRANDS.has(brand.trim().toLowerCase())) return true;
  return model !== null && EMULATOR_MODELS.some((re) => re.test(model.trim()));
}
