package io.tributary.testkit.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting TCP proxy: listens on a free port of 127.0.0.1 and forwards every connection to
 * one target, until a test breaks the network with {@link #cutConnections()} or {@link #refuse()}.
 *
 * <p>Faults are abrupt: a cut or refused connection is reset (TCP RST), so clients see an I/O
 * error, as they would when a firewall or a crashed host drops them. Once {@link #refuse()} and
 * {@link #cutConnections()} have returned, no connection is open and none can be established until
 * {@link #resume()}.
 *
 * <p>Thread-safe: any thread may inject faults while connections are forwarded on virtual threads.
 */
public final class TcpProxy implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Object lock = new Object();
  private final Set<ProxiedConnection> connections = new HashSet<>();
  private final AtomicLong bytesForwarded = new AtomicLong();
  private boolean refusing;
  private boolean closed;
  private volatile Thread acceptor;

  private TcpProxy(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
  }

  /** Starts a proxy that forwards to {@code host:port}; the target is contacted per connection. */
  public static TcpProxy start(String host, int port) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    TcpProxy proxy = new TcpProxy(InetSocketAddress.createUnresolved(host, port), listener);
    proxy.acceptor =
        Thread.ofPlatform()
            .daemon()
            .name("proxy-accept-" + listener.getLocalPort())
            .start(proxy::acceptLoop);
    return proxy;
  }

  /** The address clients connect to: always the loopback address. */
  public String host() {
    return listener.getInetAddress().getHostAddress();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Resets every open connection, on both the client and the target side. */
  public void cutConnections() {
    List<ProxiedConnection> victims;
    synchronized (lock) {
      victims = new ArrayList<>(connections);
      connections.clear();
    }
    victims.forEach(ProxiedConnection::cut);
  }

  /** Resets every new connection as soon as it is accepted, as if the network were down. */
  public void refuse() {
    synchronized (lock) {
      refusing = true;
    }
  }

  /** Same as {@link #refuse()}: open connections stay, new ones are reset. */
  public void pause() {
    refuse();
  }

  /** Forwards new connections again after {@link #refuse()} or {@link #pause()}. */
  public void resume() {
    synchronized (lock) {
      refusing = false;
    }
  }

  /** Connections currently forwarded. */
  public int connectionCount() {
    synchronized (lock) {
      return connections.size();
    }
  }

  /** Bytes forwarded so far, in both directions together. */
  public long bytesForwarded() {
    return bytesForwarded.get();
  }

  /** Stops listening and resets every open connection. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    try {
      listener.close();
    } catch (IOException e) {
      // The listener is unusable either way.
    }
    // the socket is released once the accepting thread has left accept(): wait for it, so that
    // the port refuses connections as soon as close() returns
    Thread t = acceptor;
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    cutConnections();
  }

  @Override
  public String toString() {
    return "TcpProxy["
        + host()
        + ":"
        + port()
        + " -> "
        + target.getHostString()
        + ":"
        + target.getPort()
        + "]";
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().name("proxy-connect-" + client.getPort()).start(() -> connect(client));
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  private void connect(Socket client) {
    if (isRefusing()) {
      reset(client);
      return;
    }
    Socket upstream = new Socket();
    try {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      upstream.connect(
          new InetSocketAddress(target.getHostString(), target.getPort()), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      reset(upstream);
      reset(client);
      return;
    }
    register(new ProxiedConnection(client, upstream, bytesForwarded, this::forget));
  }

  private void register(ProxiedConnection connection) {
    synchronized (lock) {
      // Checked again under the lock so that a connection racing with refuse() or close() cannot
      // survive the cutConnections() that follows them.
      if (!refusing && !closed) {
        connections.add(connection);
        connection.start();
        return;
      }
    }
    connection.cut();
  }

  private void forget(ProxiedConnection connection) {
    synchronized (lock) {
      connections.remove(connection);
    }
  }

  private boolean isRefusing() {
    synchronized (lock) {
      return refusing || closed;
    }
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // Not connected or already closed: a plain close is all that is possible.
    }
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
