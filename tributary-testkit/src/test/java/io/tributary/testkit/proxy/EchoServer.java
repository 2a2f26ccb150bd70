package io.tributary.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Test-only TCP server on a free loopback port that echoes every byte and closes on end of stream.
 */
final class EchoServer implements AutoCloseable {

  private final ServerSocket listener;

  EchoServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket socket = listener.accept();
        Thread.ofVirtual().start(() -> echo(socket));
      }
    } catch (IOException closed) {
      // close() was called.
    }
  }

  private static void echo(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      in.transferTo(out);
    } catch (IOException e) {
      // The proxy reset the connection: nothing to echo any more.
    }
  }
}
