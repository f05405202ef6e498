package lingjie.risk;

/** PROTOCOL.md §6: stable strings, never renamed; identical to the Node verifier's. */
public enum ReasonCode {
    MALFORMED,
    SUITE_UNSUPPORTED,
    SESSION_UNKNOWN,
    SESSION_EXPIRED,
    MAC_INVALID,
    TS_SKEW,
    REPLAY_NONCE,
    SEQ_REWIND,
    PAYLOAD_INVALID,
    BIZ_MISMATCH,
    SESSION_CUSTOMER_MISMATCH
}
