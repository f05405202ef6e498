// The one place the app imports NutUI from. Each component's stylesheet is imported beside it,
// so the app ships only the CSS of what it uses (the full sheet is ~230 KB, and every sheet listed
// here lands in the main package's common.wxss). Add a component here (style + export) when a
// screen starts using it, and remove it when none does.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';

export { Button, Cell, Switch, Input, Checkbox, Radio, RadioGroup, Tag, Loading } from '@nutui/nutui-react-taro';
