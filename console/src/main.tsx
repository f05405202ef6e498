import { ConfigProvider } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCNAntd} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 4 } }}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
