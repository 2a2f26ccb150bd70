package io.tributary.testkit.process;

import java.util.concurrent.CountDownLatch;

/**
 * Test-only main class run by {@link ChildJvmTest}: reports what it was given, then either exits
 * with {@code exit <code>} or waits for a signal with {@code wait}.
 */
public final class ChildMain {

  private ChildMain() {}

  public static void main(String[] args) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    System.out.println("args=" + String.join(",", args));
    System.out.println("env=" + System.getenv("CHILD_JVM_TEST"));
    System.out.println("property=" + System.getProperty("child.property"));
    System.out.println("dir=" + System.getProperty("user.dir"));
    System.err.println("this goes to stderr");
    System.out.println("ready");
    if (args.length == 2 && args[0].equals("exit")) {
      System.exit(Integer.parseInt(args[1]));
    }
    new CountDownLatch(1).await();
  }
}
