package io.tributary.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TcpProxyTest {

  private EchoServer echo;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    proxy = TcpProxy.start("127.0.0.1", echo.port());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void forwardsBytesBothWaysAndCountsThem() throws Exception {
    try (Socket client = connect()) {
      assertThat(roundTrip(client, "hello")).isEqualTo("hello");

      assertThat(proxy.connectionCount()).isEqualTo(1);
      await(() -> proxy.bytesForwarded() == 10);
    }
  }

  @Test
  void passesOnAnOrderlyCloseAndForgetsTheConnection() throws Exception {
    try (Socket client = connect()) {
      roundTrip(client, "x");

      client.shutdownOutput();

      assertThat(client.getInputStream().read()).isEqualTo(-1);
      await(() -> proxy.connectionCount() == 0);
    }
  }

  @Test
  void cutConnectionsResetsEveryOpenConnection() throws Exception {
    try (Socket first = connect();
        Socket second = connect()) {
      roundTrip(first, "a");
      roundTrip(second, "b");

      proxy.cutConnections();

      assertThat(proxy.connectionCount()).isZero();
      assertThatThrownBy(() -> roundTrip(first, "c")).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> roundTrip(second, "d")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void refuseResetsNewConnectionsUntilResume() throws Exception {
    proxy.refuse();
    try (Socket refused = connect()) {
      assertThatThrownBy(() -> roundTrip(refused, "no")).isInstanceOf(IOException.class);
    }
    assertThat(proxy.connectionCount()).isZero();

    proxy.resume();
    try (Socket accepted = connect()) {
      assertThat(roundTrip(accepted, "yes")).isEqualTo("yes");
    }
  }

  @Test
  void pauseKeepsOpenConnectionsButRefusesNewOnes() throws Exception {
    try (Socket open = connect()) {
      roundTrip(open, "before");

      proxy.pause();

      assertThat(roundTrip(open, "during")).isEqualTo("during");
      try (Socket refused = connect()) {
        assertThatThrownBy(() -> roundTrip(refused, "no")).isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void anUnreachableTargetResetsTheClient() throws Exception {
    // port 1: nothing listens there, and unlike a just-closed ephemeral port, a connection to it
    // cannot meet itself (Linux lets a connect to a free ephemeral port pick that same port as its
    // source and connect to itself, which made this test pass the bytes back now and then)
    try (TcpProxy nowhere = TcpProxy.start("127.0.0.1", 1);
        Socket client = new Socket(nowhere.host(), nowhere.port())) {
      client.setSoTimeout(5_000);
      assertThatThrownBy(() -> roundTrip(client, "anyone?")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void closeStopsListeningAndResetsConnections() throws Exception {
    try (Socket client = connect()) {
      roundTrip(client, "x");

      proxy.close();

      assertThatThrownBy(() -> roundTrip(client, "y")).isInstanceOf(IOException.class);
      assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(proxy.host(), proxy.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** Sends {@code text} and reads back as many bytes; end of stream counts as a failure. */
  private static String roundTrip(Socket socket, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    byte[] echoed = socket.getInputStream().readNBytes(bytes.length);
    if (echoed.length < bytes.length) {
      throw new IOException(
          "connection closed after " + echoed.length + " of " + bytes.length + " bytes");
    }
    return new String(echoed, StandardCharsets.UTF_8);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(10);
    }
  }
}
