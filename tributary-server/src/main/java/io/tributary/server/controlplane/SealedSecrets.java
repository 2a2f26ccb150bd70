package io.tributary.server.controlplane;

import io.tributary.server.connector.SecretCipher;
import io.tributary.server.security.SecretBox;

/** Connector secrets sealed with the server's master key (AES-256-GCM). */
final class SealedSecrets implements SecretCipher {
  private final SecretBox box;

  SealedSecrets(SecretBox box) {
    this.box = box;
  }

  @Override
  public String seal(String plaintext, String context) {
    return box.seal(plaintext, context);
  }

  @Override
  public String open(String sealed, String context) {
    return box.open(sealed, context);
  }

  @Override
  public boolean isSealed(String value) {
    return SecretBox.isSealed(value);
  }
}
