import { flagRule } from './flag-rule';

/**
 * WEB_BOTD: BotD measured a bot. BotD is known to flag real people in WeChat's in-app browser and
 * in Quark/UC (fingerprintjs/BotD #101, #133): a weight beside other evidence, never a verdict.
 */
export const webBotdRule = flagRule({
  code: 'WEB_BOTD',
  version: 1,
  category: 'device',
  feature: 'web.botdBot',
  scope: 'web',
  doc: 'H5: BotD measured a bot (false positives in in-app browsers: weigh, never decide)',
});
