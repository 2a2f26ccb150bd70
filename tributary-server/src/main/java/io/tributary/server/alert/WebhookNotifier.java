package io.tributary.server.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.alert.DeliveryResult.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Delivers {@link AlertEvent}s to webhooks: POSTs the {@link Webhook.Format}'s JSON body with
 * {@code Content-Type: application/json} and a 10 s timeout, and retries connection errors,
 * timeouts, {@code 408}, {@code 429} and {@code 5xx} per its {@link RetryPolicy} (honouring {@code
 * Retry-After} seconds). Other responses are final: {@code 2xx} delivers, any other status fails at
 * once (redirects are not followed, since they could carry the body elsewhere).
 *
 * <p>Delivery is asynchronous: {@link #deliver} returns at once, the work runs on the executor
 * given, and waits between attempts hold no thread. Each outcome goes to the result callback (and
 * completes the returned future). Neither results nor logs contain the user info or query of a
 * webhook URL. Thread-safe.
 */
public final class WebhookNotifier {
  /** How long one request may take, connecting included. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(WebhookNotifier.class.getName());
  // enough of an error body to say why (Slack answers e.g. "invalid_payload"), no more
  private static final int MAX_BODY_SHOWN = 300;

  private final HttpClient client;
  private final Executor executor;
  private final RetryPolicy policy;
  private final RetryScheduler scheduler;
  private final RandomGenerator random;
  private final Consumer<DeliveryResult> onResult;
  private final WebhookPayload payload = new WebhookPayload(new ObjectMapper());

  /**
   * A notifier with every collaborator given.
   *
   * @param client sends the requests
   * @param executor runs the deliveries and the result callback
   * @param policy how often and how patiently to retry
   * @param scheduler waits between attempts
   * @param random the jitter's source
   * @param onResult receives each delivery's outcome, on a thread of {@code executor}
   */
  public WebhookNotifier(
      HttpClient client,
      Executor executor,
      RetryPolicy policy,
      RetryScheduler scheduler,
      RandomGenerator random,
      Consumer<DeliveryResult> onResult) {
    this.client = client;
    this.executor = executor;
    this.policy = policy;
    this.scheduler = scheduler;
    this.random = random;
    this.onResult = onResult;
  }

  /**
   * A notifier with the {@link RetryPolicy#DEFAULT} policy, waiting in real time, whose HTTP client
   * connects within {@link #TIMEOUT} and does not follow redirects.
   */
  public static WebhookNotifier create(Executor executor, Consumer<DeliveryResult> onResult) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    return new WebhookNotifier(
        client,
        executor,
        RetryPolicy.DEFAULT,
        RetryScheduler.realTime(executor),
        RandomGenerator.getDefault(),
        onResult);
  }

  /**
   * Starts delivering {@code event} to {@code webhook}.
   *
   * @return completes with the outcome once the callback has received it; never exceptionally
   *     unless the callback throws
   * @throws java.util.concurrent.RejectedExecutionException if the executor takes no more work
   */
  public CompletableFuture<DeliveryResult> deliver(AlertEvent event, Webhook webhook) {
    return CompletableFuture.supplyAsync(() -> request(event, webhook), executor)
        .thenCompose(request -> attempt(event, webhook, request, 1))
        .exceptionally(error -> unsent(event, webhook, error))
        .thenApply(this::report);
  }

  private HttpRequest request(AlertEvent event, Webhook webhook) {
    return HttpRequest.newBuilder(webhook.url())
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofByteArray(payload.body(event, webhook.format())))
        .build();
  }

  private CompletableFuture<DeliveryResult> attempt(
      AlertEvent event, Webhook webhook, HttpRequest request, int attempt) {
    BodyStart body = new BodyStart();
    return client
        .sendAsync(request, BodyHandlers.ofByteArrayConsumer(body))
        // the request timeout ends with the headers; this bounds a body that never ends
        .orTimeout(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)
        .handleAsync((response, error) -> Outcome.of(response, body, error, webhook), executor)
        .thenCompose(
            outcome -> {
              if (outcome.delivered()) {
                return done(event, Status.DELIVERED, attempt, outcome);
              }
              if (!outcome.retriable() || attempt >= policy.maxAttempts()) {
                return done(event, Status.FAILED, attempt, outcome);
              }
              Duration delay = policy.delayAfter(attempt, outcome.retryAfter(), random);
              return scheduler
                  .after(delay)
                  .thenCompose(ignored -> attempt(event, webhook, request, attempt + 1));
            });
  }

  // the request could not even be made (the HTTP client refused the URL, say): nothing to retry
  private static DeliveryResult unsent(AlertEvent event, Webhook webhook, Throwable error) {
    Outcome outcome = Outcome.failure(error, webhook);
    return new DeliveryResult(event, Status.FAILED, 1, null, outcome.error());
  }

  private static CompletableFuture<DeliveryResult> done(
      AlertEvent event, Status status, int attempts, Outcome outcome) {
    return CompletableFuture.completedFuture(
        new DeliveryResult(event, status, attempts, outcome.httpStatus(), outcome.error()));
  }

  private DeliveryResult report(DeliveryResult result) {
    if (result.status() == Status.FAILED) {
      LOG.log(
          Level.WARNING,
          "alert {0} for connector {1} was not delivered after {2} attempt(s): {3}",
          result.event().ruleName(),
          result.event().connector(),
          result.attempts(),
          result.lastError());
    }
    onResult.accept(result);
    return result;
  }

  /** Keeps the start of a response body as it streams in, enough to say why it failed. */
  private static final class BodyStart implements Consumer<Optional<byte[]>> {
    private final ByteArrayOutputStream start = new ByteArrayOutputStream();

    @Override
    public synchronized void accept(Optional<byte[]> chunk) {
      chunk.ifPresent(
          bytes -> start.write(bytes, 0, Math.min(bytes.length, MAX_BODY_SHOWN - start.size())));
    }

    synchronized String text() {
      return start.toString(StandardCharsets.UTF_8);
    }
  }

  /** What one attempt came to. */
  private record Outcome(
      boolean delivered,
      boolean retriable,
      Integer httpStatus,
      String error,
      OptionalLong retryAfter) {

    static Outcome of(
        HttpResponse<Void> response, BodyStart body, Throwable error, Webhook webhook) {
      if (error != null) {
        return failure(error, webhook);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Outcome(true, false, status, null, OptionalLong.empty());
      }
      boolean retriable = status == 408 || status == 429 || status >= 500;
      String text = body.text().strip();
      String message =
          "HTTP "
              + status
              + " from "
              + webhook.origin()
              + (text.isEmpty() ? "" : ": " + webhook.redact(text))
              + (status >= 300 && status < 400
                  ? " (redirects are not followed; give the final URL)"
                  : "");
      return new Outcome(false, retriable, status, message, retryAfter(response));
    }

    private static Outcome failure(Throwable error, Webhook webhook) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      // refused, reset, timed out: may pass; anything else is a bug or a bad URL
      boolean retriable = cause instanceof IOException || cause instanceof TimeoutException;
      String what =
          cause.getMessage() == null
              ? cause.getClass().getSimpleName()
              : cause.getClass().getSimpleName() + ": " + cause.getMessage();
      String message = "POST to " + webhook.origin() + " failed: " + webhook.redact(what);
      return new Outcome(false, retriable, null, message, OptionalLong.empty());
    }

    private static OptionalLong retryAfter(HttpResponse<?> response) {
      // only the delay-seconds form; an HTTP date falls back to backoff
      try {
        return response
            .headers()
            .firstValue("Retry-After")
            .map(v -> OptionalLong.of(Long.parseLong(v.strip())))
            .orElse(OptionalLong.empty());
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
  }
}
