// The one place the app imports NutUI from. Each component's stylesheet is imported beside it,
// so a page pulls in only the CSS of what it uses (the full sheet is ~230 KB). Tree shaking drops
// the JS of components no page uses. Add a component here (style + export) before using it.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/divider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/steps/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/step/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/noticebar/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabpane/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/collapse/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/collapseitem/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/range/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/inputnumber/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/toast/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/table/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/segmented/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/price/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/resultpage/style/css';

export {
  Button,
  Cell,
  CellGroup,
  Switch,
  Input,
  Checkbox,
  Radio,
  RadioGroup,
  Tag,
  Divider,
  Empty,
  Loading,
  Skeleton,
  Steps,
  Step,
  Progress,
  NoticeBar,
  Tabs,
  TabPane,
  Collapse,
  CollapseItem,
  Range,
  InputNumber,
  Toast,
  Table,
  TextArea,
  DatePicker,
  Segmented,
  Price,
  ResultPage,
} from '@nutui/nutui-react-taro';
