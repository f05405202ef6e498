import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { OfflineNotice } from '.';
import { isChunkLoadError } from './chunk-error';
import { useChunkLoadFailure, watchChunkFailures } from './use-chunk-failure';

// Issue 9 point 11: offline, switching tabs on H5 showed "Loading CSS chunk … failed".
describe('isChunkLoadError', () => {
  it.each([
    ['webpack’s ChunkLoadError', Object.assign(new Error('Loading chunk 5 failed.'), { name: 'ChunkLoadError' })],
    ['a CSS chunk', new Error('Loading CSS chunk 7 failed.\n(https://example.test/css/7.css)')],
    ['mini-css-extract-plugin’s code', Object.assign(new Error('x'), { code: 'CSS_CHUNK_LOAD_FAILED' })],
    ['a failed switchTab', { errMsg: 'switchTab:fail Loading CSS chunk pages-loans failed.' }],
    ['a native dynamic import', new TypeError('Failed to fetch dynamically imported module: /js/a.js')],
    ['the bare message', 'Loading chunk 12 failed.'],
  ])('recognises %s', (_, reason) => expect(isChunkLoadError(reason)).toBe(true));

  it.each([
    ['an API failure', { errMsg: 'request:fail' }],
    ['a page bug', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
  ])('leaves %s alone', (_, reason) => expect(isChunkLoadError(reason)).toBe(false));
});

function rejection(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason });
}

describe('watchChunkFailures', () => {
  it('reports a chunk failure from an unhandled rejection or an error event, and nothing else', () => {
    const target = new EventTarget();
    const onFailure = jest.fn();
    const stop = watchChunkFailures(target, onFailure);
    target.dispatchEvent(rejection(new Error('boom')));
    target.dispatchEvent(Object.assign(new Event('error'), { message: 'Script error.' }));
    expect(onFailure).not.toHaveBeenCalled();
    const chunk = rejection(Object.assign(new Error('Loading CSS chunk 3 failed.'), { name: 'ChunkLoadError' }));
    target.dispatchEvent(chunk);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(chunk.defaultPrevented).toBe(true);
    target.dispatchEvent(
      Object.assign(new Event('error'), { message: 'Uncaught ChunkLoadError: Loading chunk 9 failed.' }),
    );
    expect(onFailure).toHaveBeenCalledTimes(2);
    stop();
    target.dispatchEvent(chunk);
    expect(onFailure).toHaveBeenCalledTimes(2);
  });

  it('the hook turns on only when enabled (H5)', () => {
    const target = new EventTarget();
    const off = renderHook(() => useChunkLoadFailure(false, target));
    const on = renderHook(() => useChunkLoadFailure(true, target));
    act(() => void target.dispatchEvent(rejection(new Error('Loading chunk 1 failed.'))));
    expect(off.result.current).toBe(false);
    expect(on.result.current).toBe(true);
  });
});

describe('OfflineNotice', () => {
  it('says the network is unavailable in Chinese and retries on 重试', () => {
    const onRetry = jest.fn();
    render(<OfflineNotice onRetry={onRetry} />);
    expect(screen.getByTestId('offline-notice')).toHaveTextContent('网络不可用，页面未能加载。请检查网络后点“重试”');
    expect(screen.getByTestId('offline-notice')).not.toHaveTextContent(/chunk|Loading/i);
    fireEvent.click(screen.getByTestId('offline-notice-retry'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
