package io.tributary.testkit.postgres;

import java.util.concurrent.CountDownLatch;

/** Test-only main class: starts a private server, prints its directory, and waits to be killed. */
public final class OrphanServerMain {

  private OrphanServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    PostgresServer postgres = PostgresServer.builder().start();
    System.out.println("data=" + postgres.dataDir());
    new CountDownLatch(1).await();
  }
}
