package io.tributary.server.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Makes a change to the quickstart's shop every one to two seconds, on its own thread, and tells
 * what it did on stderr ({@code db> UPDATE order 3 to shipped}).
 */
final class ChangeMaker implements AutoCloseable {
  private final QuickstartShop shop;
  private final PrintStream err;
  private final RandomGenerator random;
  private final Thread thread;
  private final CountDownLatch stop = new CountDownLatch(1);

  ChangeMaker(QuickstartShop shop, PrintStream err, RandomGenerator random) {
    this.shop = shop;
    this.err = err;
    this.random = random;
    this.thread =
        Thread.ofPlatform().daemon().name("tributary-quickstart-changes").start(this::loop);
  }

  private void loop() {
    try {
      while (!stop.await(random.nextLong(1000, 2000), TimeUnit.MILLISECONDS)) {
        err.println("  db> " + shop.change());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      if (stop.getCount() > 0) {
        err.println(Symbols.WARNING + " the demo stopped making changes: " + e.getMessage());
      }
    }
  }

  /** Stops making changes and waits for the last one to finish. */
  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    thread.join();
  }
}
