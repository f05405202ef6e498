/**
 * Valid, unique identities from a seed: resident ID (GB 11643 check character), USCC (GB 32100),
 * bank card (Luhn), mainland mobile (an allocated segment), names and enterprise names. The check
 * characters come from the shared domain validators, so the bank accepts every one of them.
 */
import { luhnValid, residentIdCheckChar, USCC_CHARSET, usccCheckChar } from '../../../src/domain';
import type { Rng } from '../random';

/** District codes (GB/T 2260) the simulated customers live and register in. */
const DISTRICTS = [
  ['110105', '北京'],
  ['310115', '上海'],
  ['440305', '深圳'],
  ['440106', '广州'],
  ['350102', '福州'],
  ['330106', '杭州'],
  ['510107', '成都'],
  ['420106', '武汉'],
  ['320506', '苏州'],
  ['370202', '青岛'],
] as const;

/** Ordinary voice segments only: no MVNO, data-only or IoT numbers (those are signals of their own). */
const MOBILE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '150',
  '158',
  '182',
  '187',
  '130',
  '132',
  '155',
  '186',
  '133',
  '153',
  '180',
  '189',
  '177',
  '199',
];
/** Debit-card BINs of large banks. */
const CARD_BINS = ['622202', '621700', '622848', '621661', '622588', '621483'];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国红梅海波宁婷雪琳晨浩宇欣怡子涵思源嘉俊'.split('');
const TRADE_WORDS = '鑫源 恒达 华信 宏盛 瑞丰 德润 佳和 博远 金诚 启航 聚福 兴旺 永泰 安顺 润泽 天成 锦程 汇通'.split(
  ' ',
);
const TRADE_SUFFIX = [
  '商贸有限公司',
  '餐饮管理有限公司',
  '电子科技有限公司',
  '物流有限公司',
  '服装有限公司',
  '建材有限公司',
];
const INDUSTRIES = [
  '批发和零售业',
  '住宿和餐饮业',
  '制造业',
  '交通运输、仓储和邮政业',
  '信息传输、软件和信息技术服务业',
];

export interface Person {
  name: string;
  idNumber: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  phone: string;
  cardNo: string;
  city: string;
}

export interface Enterprise {
  uscc: string;
  name: string;
  /** YYYY-MM-DD. */
  registrationDate: string;
  industry: string;
  annualRevenueFen: number;
  employees: number;
}

export interface IdentityOptions {
  /** The simulated business date (YYYY-MM-DD): ages and company ages count from it. */
  today: string;
  /** Age range of the applicant, years (the product lends to 18–65). */
  age?: [number, number];
  /** Years since the enterprise was registered. */
  enterpriseYears?: [number, number];
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function dateYearsBefore(today: string, years: number, rng: Rng): string {
  const [y, m, d] = today.split('-').map(Number);
  const base = Date.UTC(y - years, m - 1, d);
  // Anywhere in the year before that anniversary, so the age is exactly `years`.
  const t = new Date(base - rng.int(1, 364) * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

export function residentId(rng: Rng, birthDate: string, district: string = rng.pick(DISTRICTS)[0]): string {
  const first17 = district + birthDate.replace(/-/g, '') + pad(rng.int(1, 999), 3);
  return first17 + residentIdCheckChar(first17);
}

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

export function bankCard(rng: Rng): string {
  const body = rng.pick(CARD_BINS) + digits(rng, 12);
  for (let c = 0; c <= 9; c++) if (luhnValid(body + c)) return body + c;
  throw new Error('unreachable: one Luhn digit always fits');
}

export function uscc(rng: Rng, district: string = rng.pick(DISTRICTS)[0]): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_CHARSET[rng.int(0, USCC_CHARSET.length - 1)];
  const first17 = '91' + district + org;
  return first17 + usccCheckChar(first17);
}

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
}

/**
 * Hands out identities that are valid and never repeat within one factory (a run), whatever the
 * seed: a collision is simply drawn again, which keeps the sequence deterministic.
 */
export function createIdentityFactory(rng: Rng, opts: IdentityOptions) {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const v = make();
      if (!used.has(v)) {
        used.add(v);
        return v;
      }
    }
  };
  const [minAge, maxAge] = opts.age ?? [25, 58];
  const [minYears, maxYears] = opts.enterpriseYears ?? [2, 15];

  return {
    person(age: [number, number] = [minAge, maxAge]): Person {
      const [district, city] = rng.pick(DISTRICTS);
      const birthDate = dateYearsBefore(opts.today, rng.int(age[0], age[1]), rng);
      return {
        name: personName(rng),
        idNumber: unique(() => residentId(rng, birthDate, district)),
        birthDate,
        phone: unique(() => mobile(rng)),
        cardNo: unique(() => bankCard(rng)),
        city,
      };
    },
    enterprise(city?: string): Enterprise {
      const [district, defaultCity] = rng.pick(DISTRICTS);
      return {
        uscc: unique(() => uscc(rng, district)),
        // Names may repeat (the bank keys enterprises by USCC); a pool of ~1,000 is plenty.
        name: (city ?? defaultCity) + rng.pick(TRADE_WORDS) + rng.pick(TRADE_SUFFIX),
        registrationDate: dateYearsBefore(opts.today, rng.int(minYears, maxYears), rng),
        industry: rng.pick(INDUSTRIES),
        // 2–20 million yuan a year: the credit policy's limit (20 % of revenue) clears the minimum.
        annualRevenueFen: rng.int(20, 200) * 10_000_000,
        employees: rng.int(3, 80),
      };
    },
  };
}

export type IdentityFactory = ReturnType<typeof createIdentityFactory>;
