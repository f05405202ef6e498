/**
 * Reads a scenario file (YAML or JSON — JSON is YAML) and checks it: YAML syntax, the TypeBox
 * schema, then the rules a schema cannot express. Every problem names the file, line and column of
 * the value at fault, so QA can fix a file without reading this code.
 */
import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { PROFILES, DEFAULT_PROFILE } from '@lingjie/risk-sdk/virtual';
import { MODELS } from '../behaviour';
import { parseTimeOfDay } from './time';
import { ScenarioSchema, STEPS, type ScenarioFile, type Step } from './schema';

export interface ScenarioProblem {
  line: number;
  column: number;
  /** JSON pointer of the value, e.g. /populations/2/count. */
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(
      `${file}: invalid scenario\n${problems.map((p) => `  ${file}:${p.line}:${p.column} ${p.path || '/'}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ScenarioError';
  }
}

/** What each step needs before it (the app enforces the same order). */
const REQUIRES: Record<Step, Step[]> = {
  consent: [],
  login: ['consent'],
  'real-name': ['login'],
  enterprise: ['real-name'],
  apply: ['enterprise'],
  sign: ['apply'],
  drawdown: ['sign'],
  repay: ['drawdown'],
};

const PROFILE_FIELDS = new Set(Object.keys(DEFAULT_PROFILE));

/** Parses and checks scenario text; `file` is only used in messages. */
export function parseScenario(text: string, file = 'scenario'): ScenarioFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length) {
    throw new ScenarioError(
      file,
      doc.errors.map((e) => ({ ...at(e.pos[0]), path: '', message: e.message.split('\n')[0] })),
    );
  }
  const raw: unknown = doc.toJS();
  const locate = (path: string, message: string): ScenarioProblem => ({
    ...at(offsetOf(doc, path)),
    path,
    message,
  });

  if (!Value.Check(ScenarioSchema, raw)) {
    const seen = new Set<string>();
    const problems: ScenarioProblem[] = [];
    for (const e of Value.Errors(ScenarioSchema, raw)) {
      // A union reports every branch; the first message per path is the useful one.
      if ([...seen].some((p) => e.path === p || e.path.startsWith(p + '/'))) continue;
      seen.add(e.path);
      const description = (e.schema as { description?: string }).description;
      const message = description && /union/i.test(e.message) ? `expected ${description}` : e.message;
      problems.push(locate(e.path, message));
      if (problems.length >= 20) break;
    }
    throw new ScenarioError(file, problems);
  }
  const scenario = raw as ScenarioFile;
  const problems = checkMeaning(scenario).map((p) => locate(p.path, p.message));
  if (problems.length) throw new ScenarioError(file, problems);
  return scenario;
}

export function loadScenario(file: string): ScenarioFile {
  return parseScenario(readFileSync(file, 'utf8'), file);
}

function checkMeaning(s: ScenarioFile): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  const names = new Map<string, number>();
  s.populations.forEach((p, i) => {
    const here = `/populations/${i}`;
    if (names.has(p.name)) out.push({ path: `${here}/name`, message: `population "${p.name}" is defined twice` });
    names.set(p.name, i);

    const profiles = Array.isArray(p.device.profile) ? p.device.profile : [p.device.profile];
    profiles.forEach((name, k) => {
      if (!(name in PROFILES)) {
        const where = Array.isArray(p.device.profile) ? `${here}/device/profile/${k}` : `${here}/device/profile`;
        out.push({ path: where, message: `unknown profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})` });
      }
    });
    for (const key of Object.keys(p.device.overrides ?? {})) {
      if (!PROFILE_FIELDS.has(key))
        out.push({ path: `${here}/device/overrides/${key}`, message: `unknown device field "${key}"` });
    }

    const modelName = typeof p.behaviour === 'string' ? p.behaviour : p.behaviour.model;
    const model = MODELS.get(modelName);
    if (!model) {
      const where = typeof p.behaviour === 'string' ? `${here}/behaviour` : `${here}/behaviour/model`;
      out.push({
        path: where,
        message: `unknown behaviour model "${modelName}" (known: ${[...MODELS.keys()].join(', ')})`,
      });
    } else if (typeof p.behaviour !== 'string') {
      const { model: _m, ...params } = p.behaviour;
      for (const e of Value.Errors(model.params, params)) {
        out.push({ path: `${here}/behaviour${e.path}`, message: `${modelName}: ${e.message}` });
      }
    }

    const steps = new Set<Step>();
    p.steps.forEach((step, k) => {
      if (steps.has(step)) out.push({ path: `${here}/steps/${k}`, message: `step "${step}" is listed twice` });
      const missing = REQUIRES[step].filter((r) => !steps.has(r));
      if (missing.length)
        out.push({ path: `${here}/steps/${k}`, message: `step "${step}" needs "${missing.join('", "')}" before it` });
      steps.add(step);
    });
    const order = p.steps.map((st) => STEPS.indexOf(st));
    if (order.some((v, k) => k > 0 && v < order[k - 1]))
      out.push({ path: `${here}/steps`, message: `steps must follow the journey order: ${STEPS.join(' → ')}` });

    if (parseTimeOfDay(p.arrivals.end) < parseTimeOfDay(p.arrivals.start))
      out.push({ path: `${here}/arrivals/end`, message: 'arrivals end before they start' });
    if (p.devices !== undefined && p.devices > p.count)
      out.push({ path: `${here}/devices`, message: `more devices (${p.devices}) than applicants (${p.count})` });
    if (p.age && p.age[0] > p.age[1]) out.push({ path: `${here}/age`, message: 'age range is reversed' });
    if (p.amountYuan && p.amountYuan[0] > p.amountYuan[1])
      out.push({ path: `${here}/amountYuan`, message: 'amount range is reversed' });
  });

  const labelled = new Map<string, string>();
  for (const kind of ['fraud', 'genuine'] as const) {
    s.expect[kind].forEach((name, k) => {
      const path = `/expect/${kind}/${k}`;
      if (!names.has(name)) out.push({ path, message: `no population named "${name}"` });
      else if (labelled.has(name))
        out.push({ path, message: `"${name}" is already listed under ${labelled.get(name)}` });
      labelled.set(name, kind);
    });
  }
  s.populations.forEach((p, i) => {
    if (!labelled.has(p.name))
      out.push({
        path: `/populations/${i}/name`,
        message: `"${p.name}" is in neither expect.fraud nor expect.genuine`,
      });
  });
  if (s.expect.surge) {
    const i = names.get(s.expect.surge.population);
    if (i === undefined)
      out.push({ path: '/expect/surge/population', message: `no population named "${s.expect.surge.population}"` });
    else if (s.populations[i].channel !== s.expect.surge.channel)
      out.push({
        path: '/expect/surge/channel',
        message: `population "${s.populations[i].name}" comes through "${s.populations[i].channel}", not "${s.expect.surge.channel}"`,
      });
  }
  return out;
}

/** Source offset of the value at a JSON pointer, or of its nearest existing ancestor. */
function offsetOf(doc: Document, pointer: string): number {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let n = segments.length; n >= 0; n--) {
    const path = segments.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = (n === 0 ? doc.contents : doc.getIn(path, true)) as Node | undefined;
    if (node && (isMap(node) || isSeq(node) || 'range' in node) && node.range) {
      // A missing key: point at the map that should hold it.
      return node.range[0];
    }
  }
  return 0;
}
