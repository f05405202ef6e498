import fs from 'node:fs';
import path from 'node:path';
import type { IPluginContext } from '@tarojs/service';

// WeChat DevTools reads the appid from project.config.json. The repo keeps the tourist id so
// anyone can open the build; a bank sets WEAPP_APPID at build time to use its own.
export default (ctx: IPluginContext) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const appid = process.env.WEAPP_APPID || 'touristappid';
    const file = path.join(ctx.paths.outputPath, 'project.config.json');
    if (!fs.existsSync(file)) return;
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (config.appid === appid) return;
    fs.writeFileSync(file, `${JSON.stringify({ ...config, appid }, null, 2)}\n`);
  });
};
