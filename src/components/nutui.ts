// The one place the app imports NutUI from. Each component's stylesheet is imported beside it,
// so a page pulls in only the CSS of what it uses (the full sheet is ~230 KB).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

export { Button, Cell, Switch } from '@nutui/nutui-react-taro';
