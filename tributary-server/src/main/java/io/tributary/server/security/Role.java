package io.tributary.server.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The role of an API key (and of a UI session opened with it). Each role has the permissions of the
 * one below it and more: {@code viewer} reads, {@code operator} also operates, {@code admin} also
 * administers. In JSON a role is its lowercase name.
 */
public enum Role {
  ADMIN,
  OPERATOR,
  VIEWER;

  /**
   * The role named {@code name} ({@code admin}, {@code operator} or {@code viewer}).
   *
   * @throws IllegalArgumentException naming the valid roles if there is no such role
   */
  @JsonCreator
  public static Role parse(String name) {
    for (Role role : values()) {
      if (role.jsonName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + name + "'; valid roles are " + validNames());
  }

  /**
   * The name in JSON and on the command line: {@code admin}, {@code operator} or {@code viewer}.
   */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a caller with this role may do what needs {@code permission}. */
  public boolean allows(Permission permission) {
    return switch (this) {
      case ADMIN -> true;
      case OPERATOR -> permission != Permission.ADMINISTER;
      case VIEWER -> permission == Permission.READ;
    };
  }

  private static String validNames() {
    return Arrays.stream(values()).map(Role::jsonName).collect(Collectors.joining(", "));
  }
}
