import type { BehaviourApi } from '@lingjie/risk-sdk/virtual';
import type { BehaviourEvent } from './model';

/** Hands one scripted event to the SDK's behaviour API, as the app's event handler would, at `at`. */
export function replayEvent(b: BehaviourApi, e: BehaviourEvent, at: number): void {
  switch (e.type) {
    case 'pageShow':
      return b.pageShow(e.route, at);
    case 'pageHide':
      return b.pageHide(e.route, at);
    case 'focus':
      return b.focus(e.field, at);
    case 'blur':
      return b.blur(e.field, at);
    case 'input':
      return b.input(e.field, e.length, at);
    case 'touchStart':
      return b.touchStart(e.x, e.y, e.force, at);
    case 'touchMove':
      return b.touchMove(at);
    case 'touchEnd':
      return b.touchEnd(at);
  }
}
