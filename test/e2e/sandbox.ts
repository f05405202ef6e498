import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_RULE_SETS, type RuleSetFile } from '@lingjie/risk-sdk/engine';
import { startSandbox, type Sandbox } from '../../server/src/sandbox';

const DIST = path.resolve(__dirname, '../../dist/h5');

/**
 * The shipped rule sets with automated outcomes capped. These tests drive the app with Playwright,
 * and the engine sees exactly that (navigator.webdriver, form fills that are pastes): the shipped
 * sets would reject the application and block the money moves, which is what they are for. Capping
 * applications at `review` (the test then plays the human underwriter) and money moves at `allow`
 * lets the journeys be walked while every reason is still computed and recorded — the apply test
 * asserts that WEB_AUTOMATION is among them.
 */
export const E2E_RULE_SETS: RuleSetFile[] = DEFAULT_RULE_SETS.map((set) => ({
  ...set,
  // A derived set is a new version (committed versions are immutable; the bank records each one).
  version: set.version + 1,
  basedOn: set.version,
  description: `${set.description ?? ''}（浏览器端到端测试：自动化结果封顶）`,
  maxOutcome: set.outcomes[0] === 'approve' ? 'review' : 'allow',
}));

/**
 * The real sandbox bank (in-memory PGlite, demo data seeded through the real API) serving the
 * production H5 build, on a free loopback port: what a user gets from `npm start`, with the rule
 * sets above.
 */
export async function startE2eSandbox(): Promise<Sandbox> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/h5 is missing: run npm run build:h5 first');
  return startSandbox({ port: 0, dataDir: null, logger: false, ruleSets: E2E_RULE_SETS });
}
