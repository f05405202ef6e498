/** 128 random bits as 32 hex chars: collisions are negligible, so the server can de-duplicate by id. */
export function eventIdFrom(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return s;
}
