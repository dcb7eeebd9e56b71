/*
 * Standalone verifier of an audit export (issue 7 capability 5). JDK 17 only, no build, no database:
 *
 *   java services/audit/verifier/ExportVerifier.java export.ndjson manifest.json [publicKeyBase64]
 *
 * Checks: the manifest's Ed25519 signature over all its bytes; the NDJSON digest it names; every line's event hash (SHA-256 of the event
 * exactly as received), its link to the previous line and its position; that every event belongs to
 * the exported entity; the chain head; the signed checkpoint
 * (signature, Merkle inclusion proof of this chain's head, and that the chain at the checkpointed
 * length still ends in the checkpointed head); and that the service found its store intact when it
 * exported. Pass the public key published at GET /api/v1/audit/keys (or from configuration) as the
 * third argument; without it the key inside the manifest is used and a warning is printed.
 * Exit status 0 = valid, 1 = invalid, 2 = usage or unreadable input.
 */
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class ExportVerifier {
  static final String GENESIS = "0".repeat(64);

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: ExportVerifier <export.ndjson> <manifest.json> [publicKeyBase64]");
      System.exit(2);
    }
    byte[] ndjson;
    String manifestText;
    try {
      ndjson = Files.readAllBytes(Path.of(args[0]));
      manifestText = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    } catch (Exception e) {
      System.err.println("cannot read input: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<String> failures = verify(ndjson, manifestText, args.length == 3 ? args[2] : null);
    if (failures.isEmpty()) {
      System.out.println("VALID");
      System.exit(0);
    }
    System.out.println("INVALID");
    for (String f : failures) {
      System.out.println("  - " + f);
    }
    System.exit(1);
  }

  /** All reasons the export is not valid; empty when it is. */
  public static List<String> verify(byte[] ndjson, String manifestText, String trustedKey) {
    List<String> failures = new ArrayList<>();
    Map<String, Object> manifest;
    try {
      manifest = obj(new Json(manifestText).parseDocument());
    } catch (RuntimeException e) {
      failures.add("manifest is not valid JSON: " + e.getMessage());
      return failures;
    }
    try {
      check(ndjson, manifest, manifestText, trustedKey, failures);
    } catch (RuntimeException e) {
      failures.add("malformed export: " + e);
    }
    return failures;
  }

  static void check(
      byte[] ndjson,
      Map<String, Object> m,
      String manifestText,
      String trustedKey,
      List<String> failures)
      throws RuntimeException {
    if (!"oversight-audit-export/1".equals(m.get("format"))) {
      failures.add("unknown manifest format " + m.get("format"));
      return;
    }
    String type = str(m, "aggregateType");
    String id = str(m, "aggregateId");
    long count = num(m, "eventCount");
    String digest = sha256(ndjson);
    if (!digest.equals(str(m, "ndjsonSha256"))) {
      failures.add("NDJSON digest " + digest + " differs from the manifest's " + m.get("ndjsonSha256"));
    }

    // the chain, line by line
    String text = new String(ndjson, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    if (!text.isEmpty() && !text.endsWith("\n")) {
      failures.add("NDJSON does not end with a newline");
    }
    List<String> chainHashes = new ArrayList<>();
    String prev = GENESIS;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      Map<String, Object> line;
      try {
        line = obj(new Json(lines.get(i)).parseDocument());
      } catch (RuntimeException e) {
        failures.add("line " + n + ": not JSON (" + e.getMessage() + ")");
        chainHashes.add(null);
        prev = null;
        continue;
      }
      String event = str(line, "event");
      String eventHash = sha256(event.getBytes(StandardCharsets.UTF_8));
      if (num(line, "entitySeq") != n) {
        failures.add("line " + n + ": position " + line.get("entitySeq") + ", expected " + n);
      }
      if (!eventHash.equals(str(line, "eventHash"))) {
        failures.add("line " + n + ": event hash mismatch (event content changed)");
      }
      if (prev == null || !prev.equals(str(line, "prevHash"))) {
        failures.add("line " + n + ": does not link to the previous line (removed, inserted or reordered)");
      }
      String link =
          sha256((str(line, "prevHash") + ":" + eventHash + ":" + num(line, "recordedAtMicros"))
              .getBytes(StandardCharsets.UTF_8));
      if (!link.equals(str(line, "chainHash"))) {
        failures.add("line " + n + ": chain hash mismatch");
      }
      try {
        Map<String, Object> ce = obj(new Json(event).parseDocument());
        if (!type.equals(ce.get("aggregatetype")) || !id.equals(ce.get("aggregateid"))) {
          failures.add("line " + n + ": event of another entity " + ce.get("subject"));
        }
      } catch (RuntimeException e) {
        failures.add("line " + n + ": event is not JSON");
      }
      chainHashes.add(link);
      prev = str(line, "chainHash");
    }
    if (lines.size() != count) {
      failures.add("manifest says " + count + " events, export has " + lines.size());
    }
    String head = lines.isEmpty() ? GENESIS : chainHashes.get(chainHashes.size() - 1);
    if (!String.valueOf(head).equals(str(m, "chainHead"))) {
      failures.add("chain head differs from the manifest's");
    }

    // the key and the manifest signature
    String manifestKey = str(m, "publicKey");
    String key = trustedKey != null ? trustedKey.strip() : manifestKey;
    if (trustedKey == null) {
      System.err.println("warning: no public key given; using the key inside the manifest");
    } else if (!trustedKey.strip().equals(manifestKey)) {
      failures.add("manifest was signed with a key other than the trusted one");
    }
    Map<String, Object> store = obj(m.get("storeVerification"));
    boolean storeIntact = Boolean.TRUE.equals(store.get("intact"));
    if (!storeIntact) {
      failures.add(
          "the service found its store NOT intact when exporting: "
              + store.get("chainProblems") + " chain problems, checkpoint ok = "
              + store.get("checkpointOk"));
    }
    Object cpValue = m.get("checkpoint");
    Map<String, Object> cp = cpValue == null ? null : obj(cpValue);
    int cut = manifestText.lastIndexOf(",\"signature\":\"");
    if (cut < 0) {
      failures.add("manifest has no signature");
    } else {
      String body = manifestText.substring(0, cut) + "}";
      String statement =
          "oversight-audit-export/1\n" + sha256(body.getBytes(StandardCharsets.UTF_8));
      if (!verifySignature(key, statement, str(m, "signature"))) {
        failures.add("manifest signature is not valid (manifest changed or foreign key)");
      }
    }

    // the checkpoint: signed root, inclusion of this chain's head, chain prefix matches
    if (cp == null) {
      System.err.println("warning: no checkpoint covered this entity yet");
      return;
    }
    String cpStatement =
        String.join(
            "\n",
            "oversight-audit-checkpoint/1",
            Long.toString(num(cp, "id")),
            Long.toString(num(cp, "createdAtMicros")),
            Long.toString(num(cp, "chainCount")),
            Long.toString(num(cp, "eventCount")),
            str(cp, "merkleRoot"));
    if (!verifySignature(key, cpStatement, str(cp, "signature"))) {
      failures.add("checkpoint signature is not valid");
    }
    Map<String, Object> leaf = obj(cp.get("leaf"));
    String expectedKey = "entity/" + type + "/" + id;
    if (!expectedKey.equals(leaf.get("key"))) {
      failures.add("checkpoint leaf is for " + leaf.get("key") + ", not " + expectedKey);
    }
    long length = num(leaf, "length");
    String leafHash =
        sha256(("leaf:" + str(leaf, "key") + ":" + length + ":" + str(leaf, "head"))
            .getBytes(StandardCharsets.UTF_8));
    String root = leafHash;
    for (Object o : (List<?>) cp.get("proof")) {
      Map<String, Object> step = obj(o);
      String sibling = str(step, "hash");
      String pre = Boolean.TRUE.equals(step.get("left"))
          ? "node:" + sibling + ":" + root
          : "node:" + root + ":" + sibling;
      root = sha256(pre.getBytes(StandardCharsets.UTF_8));
    }
    if (!root.equals(str(cp, "merkleRoot"))) {
      failures.add("checkpoint inclusion proof does not lead to the signed root");
    }
    if (length < 1 || length > chainHashes.size()) {
      failures.add("checkpoint covers " + length + " events of this entity, export has " + chainHashes.size());
    } else if (!str(leaf, "head").equals(chainHashes.get((int) length - 1))) {
      failures.add("chain at event " + length + " differs from the signed checkpoint head");
    }
  }

  static boolean verifySignature(String keyBase64, String statement, String signatureBase64) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(keyBase64)));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(statement.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (Exception e) {
      return false;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return (Map<String, Object>) o;
  }

  static String str(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("missing text field " + field);
    }
    return s;
  }

  static long num(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("missing number field " + field);
    }
    return n.longValue();
  }

  /** A minimal strict JSON parser: objects, arrays, strings, integers/decimals, booleans, null. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object parseDocument() {
      Object v = value();
      ws();
      if (i != s.length()) {
        throw error("trailing characters");
      }
      return v;
    }

    private Object value() {
      ws();
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      ws();
      if (peek('}')) {
        i++;
        return m;
      }
      while (true) {
        ws();
        if (!peek('"')) {
          throw error("expected a field name");
        }
        String k = string();
        ws();
        expect(':');
        if (m.put(k, value()) != null) {
          throw error("duplicate field " + k);
        }
        ws();
        if (peek(',')) {
          i++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> array() {
      List<Object> l = new ArrayList<>();
      i++;
      ws();
      if (peek(']')) {
        i++;
        return l;
      }
      while (true) {
        l.add(value());
        ws();
        if (peek(',')) {
          i++;
        } else {
          expect(']');
          return l;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c < 0x20) {
          throw error("control character in string");
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw error("bad escape");
        }
      }
    }

    private Object number() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String t = s.substring(start, i);
      if (t.isEmpty()) {
        throw error("unexpected character");
      }
      try {
        return t.matches("-?[0-9]+") ? (Object) Long.valueOf(t) : (Object) Double.valueOf(t);
      } catch (NumberFormatException e) {
        throw error("bad number " + t);
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, i)) {
        throw error("unexpected literal");
      }
      i += word.length();
      return value;
    }

    private void ws() {
      while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
    }

    private boolean peek(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      i++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + i);
    }
  }
}
