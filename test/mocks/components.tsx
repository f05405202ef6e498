// Stand-ins for @tarojs/components: plain DOM elements that keep props tests query by.
import { createElement, type ReactNode } from 'react';

type Props = { children?: ReactNode; className?: string; onClick?: () => void; [key: string]: unknown };

const element = (tag: string) =>
  function TaroElement({ children, ...props }: Props) {
    return createElement(tag, props, children);
  };

export const View = element('div');
export const Text = element('span');
export const Button = element('button');
export const Image = element('img');
export const ScrollView = element('div');
export const Input = element('input');
export const Label = element('label');
