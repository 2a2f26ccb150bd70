package io.tributary.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client connection through a {@link TcpProxy}: the client socket, the socket to the target,
 * and one virtual thread copying bytes in each direction.
 *
 * <p>An end of stream on one side is passed on as a half-close; the connection is finished when
 * both directions are. Any I/O error, or {@link #cut()}, resets both sockets. Thread-safe.
 */
final class ProxiedConnection {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final Socket client;
  private final Socket target;
  private final AtomicLong bytesForwarded;
  private final Consumer<ProxiedConnection> onFinished;
  private final AtomicInteger openDirections = new AtomicInteger(2);
  private final AtomicBoolean closed = new AtomicBoolean();

  ProxiedConnection(
      Socket client,
      Socket target,
      AtomicLong bytesForwarded,
      Consumer<ProxiedConnection> onFinished) {
    this.client = client;
    this.target = target;
    this.bytesForwarded = bytesForwarded;
    this.onFinished = onFinished;
  }

  /** Starts copying in both directions. */
  void start() {
    Thread.ofVirtual().name("proxy-up-" + client.getPort()).start(() -> pump(client, target));
    Thread.ofVirtual().name("proxy-down-" + client.getPort()).start(() -> pump(target, client));
  }

  /** Resets both sockets, so each peer sees a connection reset rather than an orderly close. */
  void cut() {
    if (closed.compareAndSet(false, true)) {
      reset(client);
      reset(target);
      onFinished.accept(this);
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[BUFFER_SIZE];
    try {
      // The streams are not closed here: closing one closes its socket, which the other direction
      // may still be writing to.
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
        bytesForwarded.addAndGet(read);
      }
      to.shutdownOutput();
      if (openDirections.decrementAndGet() == 0) {
        close();
      }
    } catch (IOException e) {
      cut();
    }
  }

  private void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(client);
      closeQuietly(target);
      onFinished.accept(this);
    }
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // Already closed: nothing left to reset.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that is left to do with this socket.
    }
  }
}
