// Where the app imports NutUI from. Each component's stylesheet is imported beside it, so the app
// ships only the CSS of what it uses (the full sheet is ~230 KB, and every sheet listed here lands in
// the main package's common.wxss). Add a component here (style + export) when a main-package screen
// starts using it, and remove it when none does; one only subpackage pages use goes in a file of its
// own (./nutui-radio), which keeps its JS and CSS in those subpackages.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';

export { Button, Cell, Switch, Input, Checkbox, Tag, Loading } from '@nutui/nutui-react-taro';
