import { View, Text } from '@tarojs/components';
import { zhCN } from '../../locales/zh-CN/entry';
import { Button } from '../nutui';
import './index.scss';

export interface ProductCardProps {
  /** e.g. "4.35%": the annualised simple rate, the most prominent number on the card. */
  rate: string;
  /** e.g. "1,000元–300万元". */
  limitRange: string;
  /** e.g. "3–36". */
  termRange: string;
  onEstimate: () => void;
}

/**
 * The loan product on the home screen. The annualised rate (年化利率, 单利) is the largest
 * figure, as the PBOC requires; there is no countdown or "限时" pressure.
 */
export function ProductCard({ rate, limitRange, termRange, onEstimate }: ProductCardProps) {
  const t = zhCN.home;
  return (
    <View className="lj-product" data-testid="product-card">
      <View className="lj-product__name">{t.productName}</View>
      <View className="lj-product__rate-label">
        {t.rateLabel}（{t.rateBasis}）
      </View>
      <View className="lj-product__rate" data-testid="annual-rate">
        {rate}
      </View>
      <Text className="lj-secondary">{t.rateNote}</Text>
      <View className="lj-product__facts">
        <View>
          <Text className="lj-secondary">{t.limitLabel}</Text>
          <View data-testid="limit-range">{limitRange}</View>
        </View>
        <View>
          <Text className="lj-secondary">{t.termLabel}</Text>
          <View>{t.termValue(termRange)}</View>
        </View>
      </View>
      <Button type="primary" block onClick={onEstimate} data-testid="estimate-cta">
        {t.estimateCta}
      </Button>
      <Text className="lj-secondary lj-product__hint">{t.estimateHint}</Text>
    </View>
  );
}
