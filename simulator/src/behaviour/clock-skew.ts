import { defineModel } from './model';
import { paramsSchema } from './params';
import { GENUINE_STYLE } from './genuine';
import { humanActor } from './styles';

interface ClockSkewParams {
  /** Device clock minus true time, minutes (beyond ±5 is outside the token window). */
  skewMinutes: number;
  /** static: the clock is wrong from the start; jump: it is moved after the handshake (a replay tool rewinding time). */
  mode: 'static' | 'jump';
}

/**
 * A device whose clock is far off. Static: the SDK measures the offset at the handshake and
 * corrects the token time, so the token passes and the engine sees the raw skew. Jump: the clock
 * moves after the handshake, so tokens carry times outside the window (TS_SKEW).
 */
export const clockSkew = defineModel<ClockSkewParams>({
  name: 'clock-skew',
  summary: 'protocol attacker: device clock off by more than 5 minutes (static, or moved after the handshake)',
  human: true,
  params: paramsSchema(
    { skewMinutes: 12, mode: 'static' },
    { literals: { mode: ['static', 'jump'] }, signed: ['skewMinutes'] },
  ),
  defaults: { skewMinutes: 12, mode: 'static' },
  actor: (p, rng) => {
    const skewMs = Math.round(p.skewMinutes * 60_000);
    return {
      ...humanActor(GENUINE_STYLE, rng),
      attack: { kind: 'clock-skew', skewMs, mode: p.mode },
      ...(p.mode === 'static' ? { deviceOverrides: { clockOffsetMs: skewMs } } : {}),
    };
  },
});
