/*
 * Standalone verifier of audit exports and checkpoints (PLT-11, issue 16). JDK 17 only, no build,
 * no database, and no trust in the audited service:
 *
 *   java ExportVerifier.java export.ndjson manifest.json KEYS [--since kept-checkpoint.json]
 *   java ExportVerifier.java --consistency consistency.json KEYS kept-checkpoint.json
 *
 * KEYS is what the auditor trusts, never anything inside the export: an Ed25519 public key
 * (X.509, base64), or a file holding one, or a key-history file (the JSON answer of
 * GET /api/v1/audit/keys, kept from when the auditor last checked). Every signature is checked
 * under the key its statement names, so checkpoints signed before a key rotation keep verifying.
 *
 * An export is valid when: the manifest's signature covers all its bytes; the NDJSON digest
 * matches; every line's event hash, chain link and position hold and it belongs to the exported
 * entity; every line's leaf is in the signed checkpoint (RFC 9162 inclusion proof); the
 * checkpoint's signature holds; the service did not itself report its store broken; and, with
 * --since, the exported checkpoint extends the checkpoint the auditor kept (consistency proof).
 * An export that no checkpoint covers is refused.
 *
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
  static final String EXPORT_FORMAT = "oversight-audit-export/2";
  static final String CHECKPOINT_FORMAT = "oversight-audit-checkpoint/2";
  static final String ANY_KEY_ID = "*";

  public static void main(String[] args) {
    List<String> failures;
    try {
      failures = run(args);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: ExportVerifier <export.ndjson> <manifest.json> <key|key-file>"
              + " [--since <kept-checkpoint.json>]\n"
              + "       ExportVerifier --consistency <consistency.json> <key|key-file>"
              + " <kept-checkpoint.json>");
      System.exit(2);
      return;
    }
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

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  static List<String> run(String[] args) {
    if (args.length == 4 && args[0].equals("--consistency")) {
      Map<String, String> keys = trustedKeys(args[2]);
      return verifyConsistencyFile(read(args[1]), keys, read(args[3]));
    }
    if (args.length != 3 && !(args.length == 5 && args[3].equals("--since"))) {
      throw new UsageException("a trusted key is required; the manifest's own key is never used");
    }
    Map<String, String> keys = trustedKeys(args[2]);
    byte[] ndjson;
    try {
      ndjson = Files.readAllBytes(Path.of(args[0]));
    } catch (Exception e) {
      throw new UsageException("cannot read " + args[0] + ": " + e.getMessage());
    }
    return verify(ndjson, read(args[1]), keys, args.length == 5 ? read(args[4]) : null);
  }

  static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Key id to key: from a key-history file, or one key that the auditor trusts for any id. */
  static Map<String, String> trustedKeys(String argument) {
    String text = argument;
    Path path = Path.of(argument.length() > 200 ? "." : argument);
    if (argument.length() <= 200 && Files.isRegularFile(path)) {
      text = read(argument).strip();
    }
    Map<String, String> keys = new LinkedHashMap<>();
    if (text.startsWith("{")) {
      Map<String, Object> doc = obj(new Json(text).parseDocument());
      if (doc.get("keys") instanceof List<?> list) {
        for (Object o : list) {
          Map<String, Object> k = obj(o);
          keys.put(str(k, "keyId"), str(k, "publicKey"));
        }
      } else {
        keys.put(str(doc, "keyId"), str(doc, "publicKey"));
      }
    } else {
      keys.put(ANY_KEY_ID, text.strip());
    }
    for (String key : keys.values()) {
      if (publicKey(key) == null) {
        throw new UsageException("not an Ed25519 public key: " + key);
      }
    }
    return keys;
  }

  /** All reasons the export is not valid; empty when it is. */
  public static List<String> verify(
      byte[] ndjson, String manifestText, Map<String, String> keys, String keptCheckpoint) {
    List<String> failures = new ArrayList<>();
    Map<String, Object> manifest;
    try {
      manifest = obj(new Json(manifestText).parseDocument());
    } catch (RuntimeException e) {
      failures.add("manifest is not valid JSON: " + e.getMessage());
      return failures;
    }
    try {
      check(ndjson, manifest, manifestText, keys, keptCheckpoint, failures);
    } catch (RuntimeException e) {
      failures.add("malformed export: " + e);
    }
    return failures;
  }

  static void check(
      byte[] ndjson,
      Map<String, Object> m,
      String manifestText,
      Map<String, String> keys,
      String keptCheckpoint,
      List<String> failures) {
    if (!EXPORT_FORMAT.equals(m.get("format"))) {
      failures.add("unknown manifest format " + m.get("format") + " (this verifier reads " + EXPORT_FORMAT + ")");
      return;
    }
    // the manifest signature, under the trusted key the manifest names
    int cut = manifestText.lastIndexOf(",\"signature\":\"");
    if (cut < 0) {
      failures.add("manifest has no signature");
    } else {
      String body = manifestText.substring(0, cut) + "}";
      String statement =
          EXPORT_FORMAT + "\n" + str(m, "keyId") + "\n" + sha256(body.getBytes(StandardCharsets.UTF_8));
      if (!signedBy(keys, str(m, "keyId"), statement, str(m, "signature"))) {
        failures.add("manifest signature is not valid under trusted key " + m.get("keyId")
            + " (manifest changed, or signed by a key the auditor does not trust)");
      }
    }
    String digest = sha256(ndjson);
    if (!digest.equals(str(m, "ndjsonSha256"))) {
      failures.add("NDJSON digest " + digest + " differs from the manifest's " + m.get("ndjsonSha256"));
    }

    // the checkpoint the lines are proven into
    Map<String, Object> cp = m.get("checkpoint") == null ? null : obj(m.get("checkpoint"));
    if (cp == null) {
      failures.add("no signed checkpoint covers this export");
      return;
    }
    checkpointSigned(cp, keys, "checkpoint " + cp.get("id"), failures);
    long treeSize = num(cp, "treeSize");
    String root = str(cp, "rootHash");

    String type = str(m, "aggregateType");
    String id = str(m, "aggregateId");
    List<String> lines = lines(ndjson, failures);
    if (lines.isEmpty()) {
      failures.add("the export holds no event a checkpoint covers");
    }
    String prev = GENESIS;
    for (int i = 0; i < lines.size(); i++) {
      prev = checkLine(i + 1, lines.get(i), prev, type, id, treeSize, root, failures);
    }
    long count = num(m, "eventCount");
    if (lines.size() != count) {
      failures.add("manifest says " + count + " events, export has " + lines.size());
    }
    if (!String.valueOf(prev).equals(str(m, "chainHead"))) {
      failures.add("chain head differs from the manifest's");
    }

    // the service's own word counts only against the export, never for it
    Map<String, Object> store = obj(m.get("storeVerification"));
    if (!Boolean.TRUE.equals(store.get("intact"))) {
      failures.add("the service found its store NOT intact when exporting: "
          + store.get("chainProblems") + " chain problems, " + store.get("logProblems") + " log problems");
    }

    // the checkpoint the auditor kept: the exported one must extend it
    Object consistency = m.get("consistency");
    if (keptCheckpoint != null) {
      Map<String, Object> kept = obj(new Json(keptCheckpoint).parseDocument());
      checkpointSigned(kept, keys, "kept checkpoint " + kept.get("id"), failures);
      if (consistency == null) {
        failures.add("the export carries no consistency proof; export it with since=" + kept.get("id"));
        return;
      }
      Map<String, Object> c = obj(consistency);
      Map<String, Object> from = obj(c.get("from"));
      if (!sameCheckpoint(from, kept)) {
        failures.add("the consistency proof starts from checkpoint " + from.get("id")
            + ", not from the kept checkpoint " + kept.get("id"));
      }
      if (!verifyConsistency(num(kept, "treeSize"), str(kept, "rootHash"), treeSize, root, strings(c.get("proof")))) {
        failures.add("checkpoint " + cp.get("id") + " does NOT extend the kept checkpoint "
            + kept.get("id") + ": the log was rewritten since (consistency proof fails)");
      }
    }
  }

  /** Checks one NDJSON line; returns its chain hash as the next line's expected link. */
  static String checkLine(
      int n, String text, String prev, String type, String id, long treeSize, String root,
      List<String> failures) {
    Map<String, Object> line;
    try {
      line = obj(new Json(text).parseDocument());
    } catch (RuntimeException e) {
      failures.add("line " + n + ": not JSON (" + e.getMessage() + ")");
      return null;
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
    String link = sha256((str(line, "prevHash") + ":" + eventHash + ":" + num(line, "recordedAtMicros"))
        .getBytes(StandardCharsets.UTF_8));
    if (!link.equals(str(line, "chainHash"))) {
      failures.add("line " + n + ": chain hash mismatch");
    }
    try {
      Map<String, Object> ce = obj(new Json(event).parseDocument());
      if (!type.equals(ce.get("aggregatetype")) || !id.equals(ce.get("aggregateid"))) {
        failures.add("line " + n + ": event of another entity " + ce.get("subject"));
      }
      if (!str(line, "eventId").equals(ce.get("id"))) {
        failures.add("line " + n + ": eventId differs from the event's id");
      }
    } catch (RuntimeException e) {
      failures.add("line " + n + ": event is not JSON");
    }
    String leaf = leafHash(String.join("\n", "oversight-audit-leaf/1", str(line, "eventId"), type, id,
        Long.toString(num(line, "entitySeq")), link));
    if (!verifyInclusion(num(line, "logIndex"), treeSize, leaf, strings(line.get("inclusionProof")), root)) {
      failures.add("line " + n + ": not in the signed checkpoint (inclusion proof fails)");
    }
    return str(line, "chainHash");
  }

  static List<String> lines(byte[] ndjson, List<String> failures) {
    String text = new String(ndjson, StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      failures.add("NDJSON does not end with a newline");
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Verifies a consistency answer against the checkpoint the auditor kept. */
  static List<String> verifyConsistencyFile(String answer, Map<String, String> keys, String keptText) {
    List<String> failures = new ArrayList<>();
    try {
      Map<String, Object> c = obj(new Json(answer).parseDocument());
      Map<String, Object> kept = obj(new Json(keptText).parseDocument());
      Map<String, Object> from = obj(c.get("from"));
      Map<String, Object> to = obj(c.get("to"));
      checkpointSigned(kept, keys, "kept checkpoint " + kept.get("id"), failures);
      checkpointSigned(to, keys, "checkpoint " + to.get("id"), failures);
      if (!sameCheckpoint(from, kept)) {
        failures.add("the proof starts from checkpoint " + from.get("id") + ", not from the kept one " + kept.get("id"));
      }
      if (!verifyConsistency(num(kept, "treeSize"), str(kept, "rootHash"), num(to, "treeSize"),
          str(to, "rootHash"), strings(c.get("proof")))) {
        failures.add("checkpoint " + to.get("id") + " does NOT extend the kept checkpoint " + kept.get("id")
            + ": the log was rewritten since (consistency proof fails)");
      }
    } catch (RuntimeException e) {
      failures.add("malformed input: " + e);
    }
    return failures;
  }

  static boolean sameCheckpoint(Map<String, Object> a, Map<String, Object> b) {
    return num(a, "id") == num(b, "id") && num(a, "treeSize") == num(b, "treeSize")
        && str(a, "rootHash").equals(str(b, "rootHash")) && str(a, "signature").equals(str(b, "signature"));
  }

  static void checkpointSigned(Map<String, Object> c, Map<String, String> keys, String what, List<String> failures) {
    String statement = String.join("\n", CHECKPOINT_FORMAT, str(c, "keyId"), Long.toString(num(c, "id")),
        Long.toString(num(c, "createdAtMicros")), Long.toString(num(c, "treeSize")), str(c, "rootHash"),
        str(c, "previousHash"));
    if (!signedBy(keys, str(c, "keyId"), statement, str(c, "signature"))) {
      failures.add(what + ": signature is not valid under trusted key " + c.get("keyId"));
    }
  }

  static boolean signedBy(Map<String, String> keys, String keyId, String statement, String signature) {
    String key = keys.containsKey(keyId) ? keys.get(keyId) : keys.get(ANY_KEY_ID);
    return key != null && verifySignature(key, statement, signature);
  }

  // ---------- RFC 9162 §2.1 (the same arithmetic as the service's MerkleLog and MerkleProofs,
  // kept here so this file runs alone; MerkleLogTest and IntegrityFlowTest hold both to the same
  // answers) ----------

  static String leafHash(String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, input, 1, bytes.length);
    return sha256(input);
  }

  static String nodeHash(String left, String right) {
    byte[] l = HexFormat.of().parseHex(left);
    byte[] r = HexFormat.of().parseHex(right);
    byte[] input = new byte[1 + l.length + r.length];
    input[0] = 1;
    System.arraycopy(l, 0, input, 1, l.length);
    System.arraycopy(r, 0, input, 1 + l.length, r.length);
    return sha256(input);
  }

  static boolean verifyInclusion(long index, long size, String leaf, List<String> proof, String root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    String r = leaf;
    for (String p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && r.equals(root);
  }

  static boolean verifyConsistency(long oldSize, String oldRoot, long newSize, String newRoot, List<String> proof) {
    if (oldSize < 1 || oldSize > newSize) {
      return false;
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && oldRoot.equals(newRoot);
    }
    List<String> path = new ArrayList<>(proof);
    if (Long.bitCount(oldSize) == 1) {
      path.add(0, oldRoot);
    }
    if (path.isEmpty()) {
      return false;
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    String fr = path.get(0);
    String sr = path.get(0);
    for (String c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return fr.equals(oldRoot) && sr.equals(newRoot) && sn == 0;
  }

  static List<String> strings(Object o) {
    if (!(o instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a JSON array of hashes");
    }
    List<String> out = new ArrayList<>();
    for (Object v : list) {
      out.add((String) v);
    }
    return out;
  }

  static PublicKey publicKey(String keyBase64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(keyBase64)));
    } catch (Exception e) {
      return null;
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
