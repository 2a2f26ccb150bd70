package io.tributary.server.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test client of the control plane's API over real HTTPS, trusting exactly the server's
 * certificate.
 */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final String key;

  private ApiClient(HttpClient http, String base, String key) {
    this.http = http;
    this.base = base;
    this.key = key;
  }

  static ApiClient of(int port, X509Certificate trusted, String key) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", trusted);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient http =
          HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
      return new ApiClient(http, "https://localhost:" + port, key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ApiClient withKey(String other) {
    return new ApiClient(http, base, other);
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(body(json)));
  }

  Answer put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends and returns the body as lines as they arrive (for Server-Sent Events). */
  HttpResponse<java.util.stream.Stream<String>> lines(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    return key == null ? b : b.header("Authorization", "Bearer " + key);
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  /** A response: status, body, and the body as JSON. */
  record Answer(int status, String body, String contentType) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
