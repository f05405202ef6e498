import { View, Text } from '@tarojs/components';
import { zhCN } from '../../locales/zh-CN';
import { Button } from '../nutui';
import './index.scss';

export interface ProductCardProps {
  /** e.g. "3.45%–12.00%": the annualised simple rate range, the most prominent number on the card. */
  rateRange: string;
  /** e.g. "1万–100万元". */
  limitRange: string;
  onEstimate: () => void;
}

/**
 * The loan product on the home screen. The annualised rate (年化利率, 单利) is the largest
 * figure, as the PBOC requires; there is no countdown or "限时" pressure.
 */
export function ProductCard({ rateRange, limitRange, onEstimate }: ProductCardProps) {
  const t = zhCN.home;
  return (
    <View className="lj-product" data-testid="product-card">
      <View className="lj-product__name">{t.productName}</View>
      <View className="lj-product__rate-label">
        {t.rateLabel}（{t.rateBasis}）
      </View>
      <View className="lj-product__rate" data-testid="annual-rate">
        {rateRange}
      </View>
      <Text className="lj-secondary">{t.rateNote}</Text>
      <View className="lj-product__facts">
        <View>
          <Text className="lj-secondary">{t.limitLabel}</Text>
          <View data-testid="limit-range">{limitRange}</View>
        </View>
        <View>
          <Text className="lj-secondary">{t.termLabel}</Text>
          <View>{t.termValue}</View>
        </View>
      </View>
      <Button type="primary" block onClick={onEstimate} data-testid="estimate-cta">
        {t.estimateCta}
      </Button>
      <Text className="lj-secondary lj-product__hint">{t.estimateHint}</Text>
    </View>
  );
}
