package io.tributary.server.alert;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an {@link AlertRule}'s notifications are POSTed, and in which shape. Webhook URLs often
 * carry credentials (in the user info, the query, or, as Slack's do, the path); {@link
 * #redactedUrl()} and {@link #origin()} are the forms that may appear in messages and logs.
 * Immutable.
 *
 * @param url an absolute {@code http} or {@code https} URL with a host
 * @param format the body's shape
 */
public record Webhook(URI url, Format format) {

  /** The body's shape. */
  public enum Format {
    /** {@code {"rule_id","rule","connector","status","message","at"}}. */
    JSON,
    /** A Slack incoming-webhook message: {@code {"text": "…"}}. */
    SLACK
  }

  private static final String HIDDEN = "********";

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException unless {@code url} is an absolute http(s) URL with a host
   */
  public Webhook {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    String problem = problem(url);
    if (problem != null) {
      throw new IllegalArgumentException("webhook URL " + redact(url) + " " + problem);
    }
  }

  /**
   * What is wrong with {@code url} as a webhook URL, or {@code null} if nothing is; phrased to
   * follow the URL in a sentence.
   */
  static String problem(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "must start with http:// or https://, e.g. https://hooks.slack.com/services/…";
    }
    if (url.getHost() == null) {
      return "has no host; write it like https://alerts.example.com/hook";
    }
    return null;
  }

  /** The URL with its user info and query replaced by {@code ********}; safe to show. */
  public String redactedUrl() {
    return redact(url);
  }

  /** Only {@code scheme://host[:port]}: names the receiver without any credential. */
  public String origin() {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  /** {@code text} with every credential-bearing part of this webhook's URL replaced. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text.replace(url.toString(), redactedUrl());
    for (String secret : new String[] {url.getRawUserInfo(), url.getRawQuery()}) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, HIDDEN);
      }
    }
    return result;
  }

  static String redact(URI url) {
    StringBuilder s = new StringBuilder();
    if (url.getScheme() != null) {
      s.append(url.getScheme()).append(':');
    }
    if (url.getRawAuthority() != null) {
      s.append("//");
      if (url.getRawUserInfo() != null) {
        s.append(HIDDEN).append('@');
      }
      s.append(url.getHost() == null ? "" : url.getHost());
      if (url.getPort() >= 0) {
        s.append(':').append(url.getPort());
      }
    }
    s.append(url.getRawPath() == null ? "" : url.getRawPath());
    if (url.getRawQuery() != null) {
      s.append('?').append(HIDDEN);
    }
    return s.toString();
  }
}
