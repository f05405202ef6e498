import { screenRecordingCollector } from './screen-recording';
import { virtualContext } from './test-context';

describe('screenRecording collector', () => {
  it('reads the declared fields from the platform', async () => {
    const ctx = virtualContext({ profile: { screenRecording: true } });
    const value = await screenRecordingCollector.run(ctx);
    expect(value).toEqual({ state: 'on' });
  });

  it('propagates a platform failure (the runner turns it into { error })', async () => {
    const ctx = virtualContext({ faults: { screenRecording: 'throw' } });
    await expect(Promise.resolve().then(() => screenRecordingCollector.run(ctx))).rejects.toThrow(
      'virtual fault in screenRecording',
    );
  });

  it('declares its signal and probe', () => {
    expect(screenRecordingCollector.signal).toBe('screenRecording');
    expect(screenRecordingCollector.probe).toBe('screenRecording');
  });
});
