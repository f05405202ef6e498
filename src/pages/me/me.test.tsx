import { render, screen, fireEvent } from '@testing-library/react';
import MePage from '.';
import { getStorageSync, resetTaroMock, navigations } from '../../../test/mocks/taro';
import { setElderMode } from '../../services/elder-mode';

describe('MePage', () => {
  beforeEach(() => {
    resetTaroMock();
    setElderMode(false);
  });

  it('turns elder mode on and remembers it', () => {
    render(<MePage />);
    expect(screen.getByTestId('page-me')).not.toHaveClass('lj-elder');
    fireEvent.click(screen.getByTestId('elder-switch'));
    expect(screen.getByTestId('page-me')).toHaveClass('lj-elder');
    expect(getStorageSync('lj.elderMode')).toBe('1');
  });

  it('opens consent management', () => {
    render(<MePage />);
    fireEvent.click(screen.getByText('隐私与授权管理'));
    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/pages/consent/index' }]);
  });
});
