package io.tributary.api.config;

/** The type of a configuration value, which also picks the form control that edits it. */
public enum ConfigType {
  STRING,
  /** A string shown as a password field, encrypted at rest and never shown back. */
  PASSWORD,
  INT,
  BOOLEAN,
  /** A list of strings; a single string is accepted as a one-element list. */
  LIST,
  /** One string out of {@link ConfigField#allowed()}. */
  ENUM,
  /** A duration such as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
  DURATION
}
