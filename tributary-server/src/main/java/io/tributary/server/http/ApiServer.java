package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.tributary.api.config.ConfigException;
import io.tributary.server.connector.ConflictException;
import io.tributary.server.connector.ConnectorService;
import io.tributary.server.connector.NotFoundException;
import io.tributary.server.store.ApiKeyRepository;
import io.tributary.server.store.AuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The control plane's HTTPS server: the REST API of docs/api.md, the web UI, and the operational
 * endpoints ({@code /livez}, {@code /readyz}, {@code /metrics}, the OpenAPI document). Every API
 * route is authenticated and authorised from one route table; every failure is a JSON error.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
  private static final String UI = "/io/tributary/server/ui";
  private static final long MAX_BODY = 1024 * 1024;

  private final Javalin app;
  private volatile boolean ready;
  private volatile boolean stopping;

  private ApiServer(Settings settings, Services services) {
    Authenticator authenticator = new Authenticator(services.keys(), services.clock());
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        new AccessRoutes(
                services.keys(),
                services.audit(),
                authenticator,
                new SecureRandom(),
                services.clock())
            .routes());
    routes.addAll(new ConnectorRoutes(services.connectors(), services.maintenance()).routes());
    routes.addAll(new StreamRoutes(services.connectors(), () -> stopping).routes());
    routes.addAll(services.extraRoutes());
    Map<String, Object> openApi = OpenApiDocument.of(routes, settings.version());
    this.app =
        Javalin.create(
            config -> {
              configure(config, settings);
              for (Route r : routes) {
                config.routes.addHttpHandler(
                    r.method(), r.path(), ctx -> handle(ctx, r, authenticator));
              }
              config.routes.get("/api/v1/openapi.json", ctx -> Json.ok(ctx, openApi));
              config.routes.get("/livez", ctx -> Json.ok(ctx, obj("status", "ok")));
              config.routes.get("/readyz", this::readyz);
              config.routes.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(PrometheusMetrics.render(services.connectors().statuses())));
              for (HandlerType m :
                  List.of(
                      HandlerType.GET,
                      HandlerType.POST,
                      HandlerType.PUT,
                      HandlerType.DELETE,
                      HandlerType.PATCH)) {
                config.routes.addHttpHandler(
                    m,
                    "/api/*",
                    ctx -> {
                      throw ApiException.notFound(
                          "no endpoint "
                              + ctx.method()
                              + " "
                              + ctx.path()
                              + "; see /api/v1/openapi.json");
                    });
              }
              config.routes.exception(Exception.class, ApiServer::error);
            });
  }

  /** Starts serving; returns once the port is bound. */
  public static ApiServer start(Settings settings, Services services) {
    ApiServer server = new ApiServer(settings, services);
    server.app.start();
    return server;
  }

  public int port() {
    return app.port();
  }

  /** Marks the server ready: /readyz answers 200 from now on. */
  public void ready() {
    ready = true;
  }

  @Override
  public void close() {
    stopping = true;
    app.stop();
  }

  private void readyz(Context ctx) {
    if (ready) {
      Json.ok(ctx, obj("status", "ok"));
    } else {
      Json.write(ctx, 503, obj("status", "starting"));
    }
  }

  private static void handle(Context ctx, Route route, Authenticator authenticator)
      throws Exception {
    Caller caller = null;
    if (route.permission() != null) {
      caller = authenticator.authenticate(ctx);
      if (!caller.role().allows(route.permission())) {
        throw new ApiException(
            403,
            "forbidden",
            "the key '"
                + caller.name()
                + "' has role "
                + caller.role().jsonName()
                + ", which may not do this; it needs a key with "
                + switch (route.permission()) {
                  case READ -> "any role";
                  case OPERATE -> "role operator or admin";
                  case ADMINISTER -> "role admin";
                });
      }
    }
    route.handler().handle(ctx, caller);
  }

  private static void error(Exception e, Context ctx) {
    ApiException api =
        switch (e) {
          case ApiException a -> a;
          case ConfigException c -> ApiException.invalid("the connector document", c.errors());
          case NotFoundException n -> ApiException.notFound(n.getMessage());
          case ConflictException c -> new ApiException(409, "conflict", c.getMessage());
          case HttpResponseException h when h.getStatus() == 413 ->
              new ApiException(413, "payload_too_large", "the body is larger than 1 MiB");
          case HttpResponseException h ->
              new ApiException(h.getStatus(), "bad_request", String.valueOf(h.getMessage()));
          default -> {
            LOG.log(Level.SEVERE, "unexpected error in " + ctx.method() + " " + ctx.path(), e);
            yield new ApiException(
                500,
                "internal",
                "an unexpected error happened (a bug; the server log has the details): "
                    + e.getClass().getSimpleName());
          }
        };
    Json.write(
        ctx,
        api.status(),
        obj(
            "error",
            obj(
                "status", api.status(),
                "code", api.code(),
                "message", api.getMessage(),
                "fields", Views.fieldErrors(api.fields()))));
  }

  private static void configure(JavalinConfig config, Settings settings) {
    config.startup.showJavalinBanner = false;
    config.concurrency.useVirtualThreads = true;
    config.http.maxRequestSize = MAX_BODY;
    config.jetty.addConnector(
        (server, http) -> {
          http.addCustomizer(new SecureRequestCustomizer(false));
          SslContextFactory.Server ssl = new SslContextFactory.Server();
          ssl.setSslContext(settings.sslContext());
          ssl.setSniRequired(false);
          ServerConnector connector =
              new ServerConnector(
                  server,
                  new SslConnectionFactory(ssl, "http/1.1"),
                  new HttpConnectionFactory(new HttpConfiguration(http)));
          connector.setHost(settings.host());
          connector.setPort(settings.port());
          return connector;
        });
    config.routes.before(
        ctx -> {
          // refuse an oversized body before reading it: a client that sent Expect: 100-continue
          // gets the answer instead of a connection closed under it
          if (ctx.req().getContentLengthLong() > MAX_BODY) {
            throw new ApiException(413, "payload_too_large", "the body is larger than 1 MiB");
          }
          ctx.header("Strict-Transport-Security", "max-age=31536000");
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("X-Frame-Options", "DENY");
          ctx.header("Referrer-Policy", "no-referrer");
          ctx.header(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        });
    if (ApiServer.class.getResource(UI + "/index.html") != null) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/";
            files.directory = UI;
            files.location = Location.CLASSPATH;
          });
      config.spaRoot.addFile("/", UI + "/index.html", Location.CLASSPATH);
    }
  }

  /**
   * Where and how to listen.
   *
   * @param host the interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port the port; 0 picks a free one
   */
  public record Settings(String host, int port, SSLContext sslContext, String version) {}

  /**
   * What the server serves.
   *
   * @param maintenance a connector's {@code maintenance} status member, or null
   * @param extraRoutes routes of other packages (maintenance windows, alerts)
   */
  public record Services(
      ConnectorService connectors,
      ApiKeyRepository keys,
      AuditLog audit,
      Function<String, Map<String, Object>> maintenance,
      List<Route> extraRoutes,
      Clock clock) {}
}
