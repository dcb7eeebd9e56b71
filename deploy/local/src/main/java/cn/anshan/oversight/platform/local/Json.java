package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A dependency-free JSON pretty-printer (two-space indent, {@code "key": value}, like {@code jq .})
 * for {@code platform events} and for {@code demo-slice.sh} on machines without jq. It re-indents
 * the tokens and leaves strings and numbers exactly as they are; input that does not look like a
 * JSON object or array, or whose brackets or strings do not close, is returned unchanged.
 *
 * <p>{@code main} pretty-prints standard input.
 */
public final class Json {

  private Json() {}

  public static void main(String[] args) throws IOException {
    String in = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    if (!in.isBlank()) {
      System.out.println(pretty(in));
    }
  }

  /** The pretty-printed form of {@code json}, or {@code json} itself when it is not JSON. */
  public static String pretty(String json) {
    String s = json.strip();
    if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) {
      return json;
    }
    StringBuilder out = new StringBuilder(s.length() * 2);
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < s.length()) {
          out.append(s.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          out.append(c);
        }
        case '{', '[' -> {
          int next = skipWhitespace(s, i + 1);
          char close = c == '{' ? '}' : ']';
          if (next < s.length() && s.charAt(next) == close) {
            out.append(c).append(close);
            i = next;
          } else {
            depth++;
            out.append(c);
            newline(out, depth);
          }
        }
        case '}', ']' -> {
          depth--;
          if (depth < 0) {
            return json;
          }
          newline(out, depth);
          out.append(c);
        }
        case ',' -> {
          out.append(c);
          newline(out, depth);
        }
        case ':' -> out.append(": ");
        case ' ', '\t', '\n', '\r' -> {}
        default -> out.append(c);
      }
    }
    return depth == 0 && !inString ? out.toString() : json;
  }

  private static int skipWhitespace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    out.append("  ".repeat(depth));
  }
}
