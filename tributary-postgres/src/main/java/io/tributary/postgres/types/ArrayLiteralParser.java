package io.tributary.postgres.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses PostgreSQL's array literal ({@code array_out} text): {@code {1,2,NULL}}, quoted elements
 * with backslash escapes ({@code {"a b","c\"d"}}), nested dimensions ({@code {{1,2},{3,4}}} → lists
 * of lists), the empty array {@code {}}, and an optional dimension decoration ({@code
 * [0:1]={1,2}}), which is dropped since lists start at 0 anyway. An unquoted {@code NULL} (any
 * case) is SQL NULL; a quoted one is the string. Each element is converted by the element type's
 * parser.
 */
final class ArrayLiteralParser implements ValueParser {
  private final ValueParser element;
  private final char delimiter;

  ArrayLiteralParser(ValueParser element, char delimiter) {
    this.element = element;
    this.delimiter = delimiter;
  }

  @Override
  public List<Object> parse(String text) {
    Cursor in = new Cursor(text);
    in.skipDimensions();
    List<Object> list = array(in);
    in.skipSpace();
    if (!in.atEnd()) {
      throw in.error("unexpected text after the closing brace");
    }
    return list;
  }

  private List<Object> array(Cursor in) {
    in.skipSpace();
    in.expect('{');
    List<Object> list = new ArrayList<>();
    in.skipSpace();
    if (in.peek() == '}') {
      in.next();
      return Collections.unmodifiableList(list);
    }
    while (true) {
      in.skipSpace();
      list.add(in.peek() == '{' ? array(in) : element(in));
      in.skipSpace();
      char c = in.next();
      if (c == '}') {
        return Collections.unmodifiableList(list);
      }
      if (c != delimiter) {
        throw in.error("expected '" + delimiter + "' or '}'");
      }
    }
  }

  private Object element(Cursor in) {
    if (in.peek() == '"') {
      return element.parse(in.quoted());
    }
    String raw = in.unquoted(delimiter);
    return raw == null ? null : element.parse(raw);
  }

  /** A read position in the literal; one per parse, so the parser itself stays stateless. */
  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    char peek() {
      if (atEnd()) {
        throw error("unexpected end");
      }
      return s.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    void expect(char c) {
      if (next() != c) {
        pos--;
        throw error("expected '" + c + "'");
      }
    }

    void skipSpace() {
      while (!atEnd() && isSpace(s.charAt(pos))) {
        pos++;
      }
    }

    /** Skips {@code [lower:upper]...=}, written when a lower bound is not 1. */
    void skipDimensions() {
      skipSpace();
      if (!atEnd() && s.charAt(pos) == '[') {
        int eq = s.indexOf('=', pos);
        if (eq < 0) {
          throw error("dimension decoration without '='");
        }
        pos = eq + 1;
      }
    }

    /** A double-quoted element; a backslash takes the next character literally. */
    String quoted() {
      int start = ++pos;
      for (int i = start; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          pos = i + 1;
          return s.substring(start, i); // the common case: nothing to unescape
        }
        if (c == '\\') {
          break;
        }
      }
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return b.toString();
        }
        b.append(c == '\\' ? next() : c);
      }
    }

    /** An unquoted element up to the delimiter or closing brace, trimmed; null for {@code NULL}. */
    String unquoted(char delimiter) {
      int start = pos;
      while (true) {
        char c = peek();
        if (c == delimiter || c == '}') {
          break;
        }
        if (c == '\\') {
          return unquotedEscaped(delimiter, start);
        }
        checkUnquoted(c);
        pos++;
      }
      int end = pos;
      while (end > start && isSpace(s.charAt(end - 1))) {
        end--;
      }
      if (end == start) {
        throw error("empty unquoted element");
      }
      boolean isNull = end - start == 4 && s.regionMatches(true, start, "NULL", 0, 4);
      return isNull ? null : s.substring(start, end);
    }

    /**
     * The rare unquoted element with backslashes: an escaped character is never trimmed, nor NULL.
     */
    private String unquotedEscaped(char delimiter, int start) {
      StringBuilder b = new StringBuilder().append(s, start, pos);
      int keep = b.length();
      while (true) {
        char c = peek();
        if (c == delimiter || c == '}') {
          break;
        }
        checkUnquoted(c);
        pos++;
        if (c == '\\') {
          b.append(next());
          keep = b.length();
        } else {
          b.append(c);
          keep = isSpace(c) ? keep : b.length();
        }
      }
      b.setLength(keep);
      return b.toString();
    }

    private void checkUnquoted(char c) {
      if (c == '{' || c == '"') {
        throw error("unexpected '" + c + "' in an unquoted element");
      }
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "malformed array literal at position " + pos + ": " + what);
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
  }
}
