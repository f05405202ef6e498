// NutUI's Radio and RadioGroup, apart from ./nutui because only subpackage pages use them
// (企业信息, 投诉): imported from here, their JS and CSS stay out of the main package, which every
// page that imports ./nutui pays for. Same rule as ./nutui: the style is imported beside the export.
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';

export { Radio, RadioGroup } from '@nutui/nutui-react-taro';
