package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real TLS handshake against the generated certificate on the loopback interface. */
class TlsHandshakeTest {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final byte[] LOOPBACK = {127, 0, 0, 1};

  @TempDir Path dataDir;

  private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
  private ServerCertificate certificate;
  private SSLServerSocket server;

  @BeforeEach
  void startServer() throws Exception {
    // the client checks validity against the real time, so the certificate must be valid now
    certificate = ServerCertificate.selfSigned(dataDir, Clock.systemUTC());
    server =
        (SSLServerSocket)
            certificate
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByAddress(LOOPBACK));
    server.setSoTimeout(TIMEOUT_MILLIS);
  }

  @AfterEach
  void stopServer() throws IOException {
    acceptor.shutdownNow();
    server.close();
  }

  @Test
  void handshakesWithAClientThatVerifiesTheIpAddressName() throws Exception {
    Future<Integer> served = serveOneByte();

    try (SSLSocket client = connect("127.0.0.1")) {
      client.startHandshake();

      assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(certificate.certificate());
      assertThat(client.getInputStream().read()).isEqualTo(42);
    }
    assertThat(served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(42);
  }

  @Test
  void handshakesWithAClientThatVerifiesLocalhost() throws Exception {
    Future<Integer> served = serveOneByte();

    try (SSLSocket client = connect("localhost")) {
      client.startHandshake();

      X509Certificate presented = (X509Certificate) client.getSession().getPeerCertificates()[0];
      assertThat(presented.getSubjectAlternativeNames())
          .anyMatch(n -> n.get(1).equals("localhost"));
      assertThat(client.getInputStream().read()).isEqualTo(42);
    }
    served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Test
  void failsTheHandshakeForANameTheCertificateDoesNotHave() throws Exception {
    Future<Integer> served = serveOneByte();

    try (SSLSocket client = connect("shop.example")) {
      assertThatThrownBy(client::startHandshake)
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("shop.example");
    }
    assertThatThrownBy(() -> served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class); // an alert or a broken pipe, depending on timing
  }

  private Future<Integer> serveOneByte() {
    return acceptor.submit(
        () -> {
          try (SSLSocket accepted = (SSLSocket) server.accept()) {
            accepted.setSoTimeout(TIMEOUT_MILLIS);
            accepted.startHandshake();
            accepted.getOutputStream().write(42);
            accepted.getOutputStream().flush();
            return 42;
          }
        });
  }

  /**
   * A client connected to the server's loopback address that verifies the certificate for {@code
   * host}, as an HTTPS client does, trusting only the generated certificate.
   */
  private SSLSocket connect(String host) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("tributary", certificate.certificate());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);

    Socket tcp = new Socket();
    tcp.connect(
        new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), server.getLocalPort()),
        TIMEOUT_MILLIS);
    tcp.setSoTimeout(TIMEOUT_MILLIS);
    SSLSocket tls =
        (SSLSocket) context.getSocketFactory().createSocket(tcp, host, server.getLocalPort(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    return tls;
  }
}
