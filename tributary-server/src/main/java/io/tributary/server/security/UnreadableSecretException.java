package io.tributary.server.security;

/**
 * A sealed secret that {@link SecretBox#open} cannot decrypt: the master key is not the one it was
 * sealed with, it was sealed for another context, or the stored value was modified. The message
 * names the context and the fix, never the value.
 */
public final class UnreadableSecretException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String context;

  private UnreadableSecretException(String context, String message) {
    super(message);
    this.context = context;
  }

  static UnreadableSecretException keyOrDataChanged(String context) {
    return new UnreadableSecretException(
        context,
        "cannot decrypt "
            + context
            + ": the master key changed or the data was modified; restore the original master key"
            + " ("
            + MasterKey.ENV_VARIABLE
            + " or "
            + MasterKey.FILE_NAME
            + " in the data directory) or enter the secret again");
  }

  static UnreadableSecretException damaged(String context, String why) {
    return new UnreadableSecretException(
        context,
        "cannot decrypt "
            + context
            + ": the stored value is damaged ("
            + why
            + "); enter the secret again");
  }

  /** Where the secret belongs, e.g. {@code connector/shop/source.password}. */
  public String context() {
    return context;
  }
}
