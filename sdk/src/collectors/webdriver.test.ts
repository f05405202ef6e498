import { webdriverCollector } from './webdriver';
import { probeContext } from './web-context';

describe('webdriver collector', () => {
  it.each([true, false])('reports navigator.webdriver = %s', async (flag) => {
    expect(await webdriverCollector.run(probeContext({ webdriver: () => ({ webdriver: flag }) }))).toEqual({
      webdriver: flag,
    });
  });
});
