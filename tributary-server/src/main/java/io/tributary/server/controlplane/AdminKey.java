package io.tributary.server.controlplane;

import io.tributary.server.security.ApiKeyToken;
import io.tributary.server.security.Role;
import io.tributary.server.store.ApiKeyRecord;
import io.tributary.server.store.ApiKeyRepository;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * The first admin key of a new server: taken from {@code TRIBUTARY_ADMIN_KEY}, or generated and
 * shown once. A server that has keys already creates none.
 */
final class AdminKey {
  static final String ENV = "TRIBUTARY_ADMIN_KEY";

  private AdminKey() {}

  /**
   * @return the token to show the user, when one was generated
   * @throws IllegalArgumentException when the variable is set but not a Tributary key
   */
  static Optional<String> bootstrap(
      ApiKeyRepository keys, String fromEnv, SecureRandom random, Instant now) {
    if (keys.count() > 0) {
      return Optional.empty();
    }
    if (fromEnv != null && !fromEnv.isBlank()) {
      ApiKeyToken token =
          ApiKeyToken.parse(fromEnv.strip())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          ENV
                              + " is not a Tributary API key (trb_<8 characters>_<43 characters>); unset it to have the "
                              + "server generate and print one on its first start"));
      keys.add(
          new ApiKeyRecord(token.id(), "admin", Role.ADMIN.jsonName(), token.hash(), now, null));
      return Optional.empty();
    }
    ApiKeyToken token = ApiKeyToken.generate(random);
    keys.add(new ApiKeyRecord(token.id(), "admin", Role.ADMIN.jsonName(), token.hash(), now, null));
    return Optional.of(token.token());
  }
}
