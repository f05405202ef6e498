import { flagRule } from './flag-rule';

/** DEVICE_SCREEN_RECORDING: the screen is being recorded or shared — remote control, or a scammer coaching the victim. */
export const screenRecordingRule = flagRule({
  code: 'DEVICE_SCREEN_RECORDING',
  version: 1,
  category: 'device',
  feature: 'device.screenRecording',
  scope: 'miniProgram',
  doc: 'The screen is being recorded or shared during the action',
});
