package io.tributary.log.segment;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Drops a segment's durable bytes from the operating system's page cache ({@code posix_fadvise}
 * with {@code POSIX_FADV_DONTNEED}), as PostgreSQL does with WAL it will not read again.
 *
 * <p>Without it every byte the log writes grows the page cache until memory is full: pages the
 * machine may need for the database next to Tributary, and, on virtual machines whose memory is
 * given to them on first touch, the most expensive part of writing (measured on the 2-core VM: a
 * 430 MB snapshot spent 0.8–1.2 s of kernel time in new page-cache pages, 0.14 s when its pages
 * were dropped once forced and so reused; ADR 0007). The newest bytes of a segment stay cached for
 * the readers that follow the log.
 *
 * <p>Linux on Java 22 or newer, where the foreign function API is final: it is reached by
 * reflection because the project compiles for Java 21. Elsewhere, or when a call fails, nothing is
 * dropped and nothing else changes: the advice never affects what is written or read.
 */
public final class PageCache {
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;
  private static final int POSIX_FADV_DONTNEED = 4;

  private static final PageCache SYSTEM = load();

  private final Calls calls;

  private PageCache(Calls calls) {
    this.calls = calls;
  }

  /** This process's page cache: dropping works on Linux with Java 22+, else does nothing. */
  public static PageCache system() {
    return SYSTEM;
  }

  /** Whether {@link #drop} can drop anything here. */
  public boolean supported() {
    return calls != null;
  }

  /**
   * Drops the cached pages of {@code file}'s bytes {@code [0, end)}, or of all of it when {@code
   * end} is 0. The bytes must be durable already: the kernel drops only clean pages. The range
   * starts at 0 every time because the kernel keeps a (large) page that straddles a range's start;
   * asking again for pages already gone costs little. The file is opened for the call only, so that
   * the log holds no more descriptors than before.
   *
   * @return whether the kernel was asked
   */
  public boolean drop(Path file, long end) {
    if (calls == null) {
      return false;
    }
    int fd = calls.open(file.toString());
    if (fd < 0) {
      return false;
    }
    try {
      return calls.dontNeed(fd, 0, end);
    } finally {
      calls.close(fd);
    }
  }

  private static PageCache load() {
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    if (!linux || Runtime.version().feature() < 22) {
      return new PageCache(null);
    }
    try {
      return new PageCache(Calls.link());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return new PageCache(null);
    }
  }

  /** {@code open}, {@code posix_fadvise} and {@code close} of the C library. */
  private static final class Calls {
    private final MethodHandle open;
    private final MethodHandle fadvise;
    private final MethodHandle close;
    private final Method confinedArena;
    private final Method allocateString;

    private Calls(
        MethodHandle open,
        MethodHandle fadvise,
        MethodHandle close,
        Method confinedArena,
        Method allocateString) {
      this.open = open;
      this.fadvise = fadvise;
      this.close = close;
      this.confinedArena = confinedArena;
      this.allocateString = allocateString;
    }

    static Calls link() throws ReflectiveOperationException {
      Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
      Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
      Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
      Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
      Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
      Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
      Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
      Object linker = linkerType.getMethod("nativeLinker").invoke(null);
      Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
      Method find = Class.forName("java.lang.foreign.SymbolLookup").getMethod("find", String.class);
      Method of = descriptorType.getMethod("of", layoutType, layoutType.arrayType());
      Method downcall =
          linkerType.getMethod(
              "downcallHandle", segmentType, descriptorType, optionType.arrayType());
      Object intLayout = valueLayout.getField("JAVA_INT").get(null);
      Object longLayout = valueLayout.getField("JAVA_LONG").get(null);
      Object address = valueLayout.getField("ADDRESS").get(null);

      class Linking {
        MethodHandle handle(String name, Object[] options, Object... arguments)
            throws ReflectiveOperationException {
          Optional<?> symbol = (Optional<?>) find.invoke(lookup, name);
          if (symbol.isEmpty()) {
            throw new NoSuchMethodException("C library function " + name);
          }
          Object layouts = Array.newInstance(layoutType, arguments.length);
          for (int i = 0; i < arguments.length; i++) {
            Array.set(layouts, i, arguments[i]);
          }
          Object descriptor = of.invoke(null, intLayout, layouts);
          Object optionArray = Array.newInstance(optionType, options.length);
          for (int i = 0; i < options.length; i++) {
            Array.set(optionArray, i, options[i]);
          }
          return (MethodHandle) downcall.invoke(linker, symbol.get(), descriptor, optionArray);
        }
      }
      Linking l = new Linking();
      // open(const char *path, int flags, ...): the mode is variadic, passed as such
      Object variadicMode = optionType.getMethod("firstVariadicArg", int.class).invoke(null, 2);
      MethodHandle open =
          l.handle("open", new Object[] {variadicMode}, address, intLayout, intLayout);
      MethodHandle fadvise =
          l.handle("posix_fadvise", new Object[0], intLayout, longLayout, longLayout, intLayout);
      MethodHandle close = l.handle("close", new Object[0], intLayout);
      Method confined = arenaType.getMethod("ofConfined");
      Method allocate = arenaType.getMethod("allocateFrom", String.class);
      return new Calls(open, fadvise, close, confined, allocate);
    }

    int open(String path) {
      try (AutoCloseable arena = (AutoCloseable) confinedArena.invoke(null)) {
        Object cPath = allocateString.invoke(arena, path);
        return (int) open.invokeWithArguments(cPath, O_RDONLY | O_CLOEXEC, 0);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) { // what MethodHandle.invokeWithArguments declares
        return -1;
      }
    }

    boolean dontNeed(int fd, long offset, long length) {
      try {
        return (int) fadvise.invokeWithArguments(fd, offset, length, POSIX_FADV_DONTNEED) == 0;
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        return false;
      }
    }

    void close(int fd) {
      try {
        close.invokeWithArguments(fd);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        // nothing to do: the descriptor was ours only
      }
    }
  }
}
