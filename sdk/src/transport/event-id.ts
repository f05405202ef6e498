import { bytesToHex } from '../crypto/bytes';

/** 128 random bits as 32 hex chars: collisions are negligible, so the server can de-duplicate by id. */
export function eventIdFrom(bytes: Uint8Array): string {
  return bytesToHex(bytes.subarray(0, 16));
}
