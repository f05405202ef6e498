import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, parseScenario, ScenarioError } from './load';

const SHIPPED = join(__dirname, '..', '..', 'scenarios');

/** The problems of a bad file, as "line:column path: message". */
function problems(text: string): string[] {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('the scenario was accepted');
}

const GOOD = `name: tiny
populations:
  - name: owners
    count: 3
    channel: organic
    device: { profile: iphone }
    behaviour: genuine
    arrivals: { start: '09:00', end: '10:00' }
    steps: [consent, login, real-name, enterprise, apply]
expect: { fraud: [], genuine: [owners] }
`;

describe('scenario files', () => {
  it.each(readdirSync(SHIPPED).filter((f) => f.endsWith('.yaml')))('shipped %s is valid', (file) => {
    const s = loadScenario(join(SHIPPED, file));
    expect(s.name).toBe(file.replace(/\.yaml$/, ''));
    expect(s.populations.length).toBeGreaterThan(0);
  });

  it('parses a minimal file', () => {
    expect(parseScenario(GOOD).populations[0]).toMatchObject({
      name: 'owners',
      count: 3,
      steps: ['consent', 'login', 'real-name', 'enterprise', 'apply'],
    });
  });

  it('names the line of a value with the wrong type', () => {
    expect(problems(GOOD.replace('count: 3', 'count: many'))).toEqual([
      expect.stringMatching(/^4:12 \/populations\/0\/count: Expected integer/),
    ]);
  });

  it('names the line of an unknown option and lists what is allowed', () => {
    expect(problems(GOOD.replace('behaviour: genuine', 'behaviour: genuine\n    ip: office'))).toEqual([
      expect.stringMatching(/^8:9 \/populations\/0\/ip: expected an IP pool: own, office-nat/),
    ]);
  });

  it('names the line of a misspelt key', () => {
    expect(problems(GOOD.replace('    count: 3', '    count: 3\n    cuont: 4'))).toEqual([
      expect.stringMatching(/^5:12 \/populations\/0\/cuont: Unexpected property/),
    ]);
  });

  it('checks meaning with lines too: models, profiles, steps, labels, times', () => {
    const bad = GOOD.replace('profile: iphone', 'profile: nokia')
      .replace('behaviour: genuine', 'behaviour: { model: genuine, keyMedianMs: fast }')
      .replace('[consent, login, real-name, enterprise, apply]', '[consent, apply]')
      .replace("end: '10:00'", "end: '08:00'")
      .replace('genuine: [owners]', 'genuine: [owner]');
    expect(problems(bad)).toEqual([
      expect.stringMatching(/^6:24 \/populations\/0\/device\/profile: unknown profile "nokia"/),
      expect.stringMatching(/^7:47 \/populations\/0\/behaviour\/keyMedianMs: genuine: Expected number/),
      expect.stringMatching(/^9:22 \/populations\/0\/steps\/1: step "apply" needs "enterprise" before it/),
      expect.stringMatching(/^8:38 \/populations\/0\/arrivals\/end: arrivals end before they start/),
      expect.stringMatching(/^10:32 \/expect\/genuine\/0: no population named "owner"/),
      expect.stringMatching(/^3:11 \/populations\/0\/name: "owners" is in neither/),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    // The unclosed bracket on line 4 is noticed where the next line starts.
    expect(problems(GOOD.replace('    count: 3', '    count: [3'))[0]).toMatch(/^5:5 : Flow sequence/);
  });
});
