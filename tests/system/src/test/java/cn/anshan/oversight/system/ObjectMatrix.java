package cn.anshan.oversight.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The object dimension of the authorisation matrix: for an operation on an object, the user whose
 * object it is (own) and a user of the same role in another scope (foreign).
 *
 * <ul>
 *   <li>Own: every successful request on an object in the journal (the story's, then {@link
 *       ObjectsBeyondTheStory}'s), and for reads nobody made, a probe as the role's demo user (or
 *       the other scope's) with ids the journal shows.
 *   <li>Foreign: the same request (same URL, body and {@code If-Match}, a fresh {@code
 *       Idempotency-Key}) as the other scope's user, after the story finished. Expected 403 or 404;
 *       a 2xx is the defect this reports, and it may have changed state, which is why it runs only
 *       now. City-wide roles have no other scope ("n/a"); {@code object-decisions.txt} names the
 *       objects another scope may use too ("shared": 2xx expected).
 *   <li>Collections: the other scope's answer to the same search must not list the ids that user
 *       was refused as objects.
 * </ul>
 */
final class ObjectMatrix {

  /** Probe URLs tried per operation and user before the operation counts as not reached. */
  private static final int MAX_PROBES = 12;

  private static final String REFUSED = "403/404";

  record Row(
      Operation op, String object, String user, String expected, String status, String source) {}

  /** A successful request on an object: the story's, or a probe's. */
  private record Own(
      Operation op,
      String user,
      String url,
      Map<String, String> headers,
      String body,
      int status,
      String source) {}

  private final ServedApis apis;
  private final Api api;
  private final DemoUsers users;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> foreignSuccess = new ArrayList<>();
  private final List<String> unexpected = new ArrayList<>();
  private final List<String> uncovered = new ArrayList<>();
  private final List<String> staleDecisions = new ArrayList<>();
  private final Map<String, Set<String>> refusedIds = new LinkedHashMap<>();

  /** Per user: their subject and every path id of their own successful requests. */
  private final Map<String, Set<String>> ownIds = new LinkedHashMap<>();

  private int objectOperations;
  private int operationRoles;
  private int reachedPairs;
  private int decided;

  ObjectMatrix(ServedApis apis, Api api, DemoUsers users) {
    this.apis = apis;
    this.api = api;
    this.users = users;
  }

  List<Row> rows() {
    return rows;
  }

  /** Foreign requests that succeeded: another scope used the object (the defect reported). */
  List<String> foreignSuccess() {
    return foreignSuccess;
  }

  /** Own requests that failed and foreign ones refused with something else than 403/404. */
  List<String> unexpected() {
    return unexpected;
  }

  /** Operations on objects without own/foreign rows for an admitted role and without a decision. */
  List<String> uncovered() {
    return uncovered;
  }

  /** "not-in-story" lines for operations the matrix reaches after all, or that do not exist. */
  List<String> staleDecisions() {
    return staleDecisions;
  }

  /** The coverage of operations on objects, for the matrix's summary line. */
  String coverageSummary() {
    return String.format(
        "%d operations on objects × their admitted roles = %d: %d with own and foreign rows, %d"
            + " not-in-story, %d uncovered",
        objectOperations, operationRoles, reachedPairs, decided, uncovered.size());
  }

  /**
   * @param storyRequests how many of the journal's requests the story sent (the rest are {@link
   *     ObjectsBeyondTheStory}'s)
   */
  void run(int storyRequests) {
    List<RequestJournal.Exchange> story = RequestJournal.exchanges();
    KnownIds known = new KnownIds(story, apis);
    for (String u : DemoUsers.ONE_PER_ROLE) {
      known.addClaims(u, users.scopeClaims(u));
    }
    Map<String, Own> owns = new LinkedHashMap<>();
    for (int i = 0; i < story.size(); i++) {
      RequestJournal.Exchange e = story.get(i);
      String source = i < storyRequests ? "story" : "beyond-story";
      if (!e.is2xx()) {
        continue;
      }
      ownIds.computeIfAbsent(e.user(), u -> new LinkedHashSet<>(Set.of(users.subject(u))));
      apis.match(e.method(), e.url())
          .ifPresent(op -> ownIds.get(e.user()).addAll(op.bind(e.method(), e.url()).values()));
      apis.match(e.method(), e.url())
          .filter(Operation::hasObject)
          .ifPresent(
              op ->
                  owns.putIfAbsent(
                      op.key() + " as " + e.user(),
                      new Own(
                          op,
                          e.user(),
                          e.url(),
                          e.headers(),
                          e.requestBody(),
                          e.status(),
                          source)));
    }
    for (Operation op : apis.operations()) {
      if (!op.method().equals("GET") || !op.hasObject()) {
        continue;
      }
      for (String first : DemoUsers.ONE_PER_ROLE) {
        // the role's user may have no such object (parent-2 claimed the exemption): then the
        // other scope's user is the owner, and the role's user the foreign one
        for (String user :
            Stream.of(first, DemoUsers.otherScope(first)).filter(Objects::nonNull).toList()) {
          String role = users.role(user);
          boolean reached =
              owns.values().stream()
                  .anyMatch(o -> o.op().equals(op) && users.role(o.user()).equals(role));
          if (!reached && op.admits(users.roles(user))) {
            Own probed = probe(op, user, known, story);
            if (probed != null) {
              owns.put(op.key() + " as " + user, probed);
            }
          }
        }
      }
    }
    for (Own o : owns.values()) {
      rows.add(new Row(o.op(), "own", o.user(), "2xx", Integer.toString(o.status()), o.source()));
      foreign(o);
    }
    for (Operation op : apis.operations()) {
      // an operation open to every signed-in user lists what everyone may see
      if (op.method().equals("GET") && !op.hasObject() && op.decision() == null) {
        for (String user : DemoUsers.ONE_PER_ROLE) {
          if (DemoUsers.otherScope(user) != null && op.admits(users.roles(user))) {
            collection(op, user, story, known);
          }
        }
      }
    }
    coverage(owns);
  }

  /** A read of an object the user may see, found by trying the ids the journal shows. */
  private Own probe(
      Operation op, String user, KnownIds known, List<RequestJournal.Exchange> story) {
    List<String> params = op.params();
    List<List<String>> candidates = new ArrayList<>();
    for (String p : params) {
      List<String> c = known.candidates(user, p);
      if (c.isEmpty()) {
        return null;
      }
      candidates.add(c);
    }
    List<String> queries = queries(op, user, known, story);
    int tried = 0;
    int[] at = new int[params.size()];
    while (tried < MAX_PROBES) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < params.size(); i++) {
        values.put(params.get(i), candidates.get(i).get(at[i]));
      }
      for (String query : queries) {
        String url = op.url(values) + query;
        Answer a = api.as(user).get(url).quietly().send();
        tried++;
        if (a.is2xx()) {
          return new Own(op, user, url, Map.of(), null, a.status(), "probe");
        }
      }
      int i = params.size() - 1;
      while (i >= 0 && ++at[i] == candidates.get(i).size()) {
        at[i--] = 0;
      }
      if (i < 0) {
        return null;
      }
    }
    return null;
  }

  /**
   * The query strings to try: the required parameters, then those of the journal's successful
   * requests on the operation (an export names the aggregate type), and an as-of read's version 1
   * (the audit state needs one cutoff; every entity has a version 1).
   */
  private static List<String> queries(
      Operation op, String user, KnownIds known, List<RequestJournal.Exchange> story) {
    Set<String> out = new LinkedHashSet<>();
    String required = query(op, user, known);
    if (required != null) {
      out.add(required);
    }
    for (RequestJournal.Exchange e : story) {
      String q = URI.create(e.url()).getRawQuery();
      if (e.is2xx() && q != null && op.bind(e.method(), e.url()) != null) {
        out.add("?" + q);
      }
    }
    if (op.queryParams().contains("version")) {
      out.add((required == null || required.isEmpty() ? "?" : required + "&") + "version=1");
    }
    return new ArrayList<>(out);
  }

  /** "?a=…&b=…" for the required query parameters, "" without any, null when one is unknown. */
  private static String query(Operation op, String user, KnownIds known) {
    StringBuilder q = new StringBuilder();
    for (String name : op.requiredQuery()) {
      List<String> c = known.candidates(user, name);
      if (c.isEmpty()) {
        return null;
      }
      q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(c.get(0));
    }
    return q.toString();
  }

  private void foreign(Own o) {
    String role = users.role(o.user());
    String other = DemoUsers.otherScope(o.user());
    if (other == null) {
      rows.add(new Row(o.op(), "foreign", "-", "n/a (city-wide role)", "", o.source()));
      return;
    }
    ObjectDecisions.Decision d = ObjectDecisions.of(o.op(), role);
    boolean shared =
        o.op().decision() != null || d != null && d.kind() == ObjectDecisions.Kind.SHARED;
    Api.Call replay = api.as(other).call(o.op().method(), o.url(), o.body()).quietly();
    replay.header(
        "Idempotency-Key",
        o.headers().containsKey("Idempotency-Key") ? UUID.randomUUID().toString() : null);
    replay.ifMatch(o.headers().get("If-Match"));
    Answer a = replay.send();
    String expected = shared ? "2xx (shared)" : REFUSED;
    rows.add(new Row(o.op(), "foreign", other, expected, Integer.toString(a.status()), o.source()));
    String what = o.op().method() + " " + o.url() + " (" + o.user() + "'s) as " + other;
    if (shared) {
      if (!a.is2xx()) {
        unexpected.add(what + " → " + a.status() + ", decided shared: " + abbreviate(a));
      }
    } else if (a.is2xx()) {
      foreignSuccess.add(o.op().service() + ": " + what + " → " + a.status() + " " + abbreviate(a));
    } else if (a.status() != 403 && a.status() != 404) {
      unexpected.add(what + " → " + a.status() + " instead of 403/404: " + abbreviate(a));
    } else {
      // not the owner's private objects: ids the other user has of their own (a school both
      // families belong to, a parent-committee motion about them, their own subject), and objects
      // every user of the role may read (a programme is a public notice to every parent)
      Set<String> theirs = ownIds.getOrDefault(other, Set.of());
      Set<String> readByAll = sharedObjects(role);
      o.op().bind(o.op().method(), o.url()).entrySet().stream()
          .filter(p -> !readByAll.contains(p.getKey()) && !theirs.contains(p.getValue()))
          .forEach(
              p ->
                  refusedIds
                      .computeIfAbsent(o.user(), u -> new LinkedHashSet<>())
                      .add(p.getValue()));
    }
  }

  /** Path parameters naming objects every user of the role reads: a GET decided "shared". */
  private Set<String> sharedObjects(String role) {
    return apis.operations().stream()
        .filter(op -> op.method().equals("GET") && op.hasObject())
        .filter(
            op -> {
              ObjectDecisions.Decision d = ObjectDecisions.of(op, role);
              return d != null && d.kind() == ObjectDecisions.Kind.SHARED;
            })
        .map(op -> op.params().get(op.params().size() - 1))
        .collect(Collectors.toSet());
  }

  /** A search as the role's user, then the same search as the other scope's user. */
  private void collection(
      Operation op, String user, List<RequestJournal.Exchange> story, KnownIds known) {
    String url =
        story.stream()
            .filter(e -> user.equals(e.user()) && e.is2xx() && op.bind("GET", e.url()) != null)
            .map(RequestJournal.Exchange::url)
            .findFirst()
            .orElse(null);
    String source = "story";
    if (url == null) {
      String query = query(op, user, known);
      if (query == null) {
        uncovered.add(
            op.key() + " as " + users.role(user) + ": a required query parameter is unknown");
        return;
      }
      url = op.base() + op.path() + query;
      source = "probe";
    }
    Answer own = api.as(user).get(url).quietly().send();
    rows.add(new Row(op, "own", user, "2xx", Integer.toString(own.status()), source));
    if (!own.is2xx()) {
      unexpected.add("GET " + url + " as " + user + " → " + own.status() + ": " + abbreviate(own));
      return;
    }
    String other = DemoUsers.otherScope(user);
    Answer foreign = api.as(other).get(url).quietly().send();
    rows.add(
        new Row(
            op,
            "foreign",
            other,
            "2xx without " + user + "'s objects, or " + REFUSED,
            Integer.toString(foreign.status()),
            source));
    if (foreign.is2xx()) {
      List<String> listed =
          refusedIds.getOrDefault(user, Set.of()).stream()
              .filter(id -> foreign.body() != null && foreign.body().contains(id))
              .toList();
      if (!listed.isEmpty()) {
        foreignSuccess.add(
            op.service() + ": GET " + url + " as " + other + " lists " + user + "'s " + listed);
      }
    } else if (foreign.status() != 403 && foreign.status() != 404) {
      unexpected.add(
          "GET " + url + " as " + other + " → " + foreign.status() + ": " + abbreviate(foreign));
    }
  }

  /**
   * Every operation on an object has, for every role it admits, an own row (and its foreign row) or
   * a decision; a "not-in-story" decision for an operation the matrix reached is stale.
   */
  private void coverage(Map<String, Own> owns) {
    Set<String> demoRoles = new LinkedHashSet<>();
    DemoUsers.ONE_PER_ROLE.forEach(u -> demoRoles.add(users.role(u)));
    Set<String> used = new LinkedHashSet<>();
    for (Operation op : apis.operations()) {
      if (!op.hasObject()) {
        continue;
      }
      objectOperations++;
      Set<String> roles = new LinkedHashSet<>(op.decision() != null ? demoRoles : op.roles());
      roles.retainAll(demoRoles);
      for (String role : roles) {
        operationRoles++;
        boolean reached =
            owns.values().stream()
                .anyMatch(
                    o ->
                        o.op().equals(op)
                            && (op.decision() != null || users.role(o.user()).equals(role)));
        ObjectDecisions.Decision d = ObjectDecisions.of(op, role);
        if (d != null && d.kind() == ObjectDecisions.Kind.NOT_IN_STORY) {
          if (reached) {
            staleDecisions.add(d.line() + "  (reached as " + role + ")");
          } else {
            used.add(d.line());
            decided++;
            rows.add(new Row(op, "own", role, "not-in-story: " + d.reason(), "", "decision"));
          }
        } else if (!reached) {
          uncovered.add(op.key() + " as " + role);
        } else {
          reachedPairs++;
          if (d != null) {
            used.add(d.line());
          }
        }
      }
    }
    ObjectDecisions.all().values().stream()
        .filter(d -> !used.contains(d.line()))
        .filter(d -> staleDecisions.stream().noneMatch(s -> s.startsWith(d.line())))
        .forEach(d -> staleDecisions.add(d.line() + "  (no such operation and role)"));
  }

  private static String abbreviate(Answer a) {
    String b = a.body() == null ? "" : a.body().replaceAll("\\s+", " ");
    return b.length() > 200 ? b.substring(0, 200) + "…" : b;
  }
}
