/** Binary search over ascending arrays (numbers or strings, compared with `<`), for the memory engine store. */

/** First index whose value is >= x (arr.length when none). */
export function lowerBound<T extends number | string>(arr: readonly T[], x: T): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x (arr.length when none). */
export function upperBound<T extends number | string>(arr: readonly T[], x: T): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Inserts x after any equal values and returns its index. Values mostly arrive in order (clocks move
 * forward), so the common case is a push.
 */
export function insertSorted<T extends number | string>(arr: T[], x: T): number {
  if (arr.length === 0 || arr[arr.length - 1] <= x) {
    arr.push(x);
    return arr.length - 1;
  }
  const i = upperBound(arr, x);
  arr.splice(i, 0, x);
  return i;
}
