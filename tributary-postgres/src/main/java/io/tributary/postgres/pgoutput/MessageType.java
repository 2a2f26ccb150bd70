package io.tributary.postgres.pgoutput;

/**
 * The message types by their type byte. Types that only later protocol versions send (streaming of
 * in-progress transactions in v2, two-phase commit in v3) are listed so they can be rejected by
 * name.
 */
enum MessageType {
  BEGIN('B', "Begin", BeginDecoder::decode),
  COMMIT('C', "Commit", CommitDecoder::decode),
  ORIGIN('O', "Origin", OriginDecoder::decode),
  RELATION('R', "Relation", RelationDecoder::decode),
  TYPE('Y', "Type", TypeDecoder::decode),
  INSERT('I', "Insert", InsertDecoder::decode),
  UPDATE('U', "Update", UpdateDecoder::decode),
  DELETE('D', "Delete", DeleteDecoder::decode),
  TRUNCATE('T', "Truncate", TruncateDecoder::decode),
  MESSAGE('M', "Message", LogicalMessageDecoder::decode),
  STREAM_START('S', "Stream Start", null),
  STREAM_STOP('E', "Stream Stop", null),
  STREAM_COMMIT('c', "Stream Commit", null),
  STREAM_ABORT('A', "Stream Abort", null),
  BEGIN_PREPARE('b', "Begin Prepare", null),
  PREPARE('P', "Prepare", null),
  COMMIT_PREPARED('K', "Commit Prepared", null),
  ROLLBACK_PREPARED('r', "Rollback Prepared", null),
  STREAM_PREPARE('p', "Stream Prepare", null);

  private static final MessageType[] BY_CODE = new MessageType[128];

  static {
    for (MessageType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final char code;
  private final String label;
  private final MessageDecoder decoder;

  MessageType(char code, String label, MessageDecoder decoder) {
    this.code = code;
    this.label = label;
    this.decoder = decoder;
  }

  /** The type for a type byte, or null when the byte names no known message. */
  static MessageType of(byte code) {
    return code >= 0 ? BY_CODE[code] : null;
  }

  String label() {
    return label;
  }

  /** The decoder, or null when the message belongs to a protocol version above 1. */
  MessageDecoder decoder() {
    return decoder;
  }
}
