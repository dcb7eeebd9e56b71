package cn.anshan.oversight.system.story;

import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Api;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.Endpoints;
import cn.anshan.oversight.system.Narrator;
import cn.anshan.oversight.system.PersonalData;
import cn.anshan.oversight.system.StoryFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the steps share: the API client, the demo users and their scopes from the realm, and the ids
 * earlier steps created.
 */
public final class StoryContext {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  // demo users of deploy/keycloak/oversight-realm.json (password = user name)
  public static final String OPERATOR_A = "operator-a";
  public static final String OPERATOR_B = "operator-b";
  public static final String REGULATOR_TIEDONG = "regulator-tiedong";
  public static final String REGULATOR_LISHAN = "regulator-lishan";
  public static final String PRICING_OFFICER = "pricing-officer";
  public static final String CITY_GOV = "city-gov";
  public static final String SCHOOL_ADMIN = "school-admin-1";
  public static final String PARENT_1 = "parent-1";
  public static final String PARENT_2 = "parent-2";
  public static final String BANK = "bank-teller";
  public static final String AUDITOR = "auditor";

  /** Sector departments (REG-02) of science and technology, claim sector SCIENCE_TECH. */
  public static final String SCITECH_TIEDONG = "scitech-bureau-tiedong";

  public static final String SCITECH_LISHAN = "scitech-bureau-lishan";

  /** operator-a's institution_id claim (district tiedong). */
  public static final String INSTITUTION_A = "8d5f3a0e-4b7c-4f1e-9a51-2f0c9d7e6a01";

  /** operator-b's institution_id claim (district lishan). */
  public static final String INSTITUTION_B = "3c1e7b92-0f4d-4a8b-b6e2-7a9d5c4f1b02";

  /** school-admin-1's school_id claim (district tiedong). */
  public static final String SCHOOL_1 = "5b9e2c71-8a3f-4d6e-9c10-4e7f2a8b3d03";

  /** parent-1's sub (fixed in the realm). */
  public static final String PARENT_1_SUB = "d125262a-e79d-5bf5-a026-61859288531f";

  public static final String PARENT_2_SUB = "f695d6bc-5016-5156-bc5b-dcb4fdf09430";

  private final Api api;
  private final Clients clients;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Duration awaitLimit;
  private final PlatformClock clock;

  public StoryContext(Api api, Duration awaitLimit) {
    this.api = api;
    this.clients = new Clients(api);
    this.awaitLimit = awaitLimit;
    this.clock = new PlatformClock(api.endpoints());
  }

  public Api api() {
    return api;
  }

  /** The generated API clients (contracts/clients) as a demo user. */
  public Clients clients() {
    return clients;
  }

  public Endpoints urls() {
    return api.endpoints();
  }

  public Narrator say() {
    return api.narrator();
  }

  /** The services' business date: today, plus the days the story moved their clocks. */
  public LocalDate today() {
    return clock.today();
  }

  PlatformClock clock() {
    return clock;
  }

  public void remember(String key, String value) {
    ids.put(key, value);
  }

  public String id(String key) {
    String v = ids.get(key);
    if (v == null) {
      throw new StoryFailure("an earlier step did not record " + key);
    }
    return v;
  }

  public boolean has(String key) {
    return ids.containsKey(key);
  }

  /**
   * Field-level exposure: fails when the answer contains any of {@code secrets} (staff names, ID
   * numbers, account numbers, credit codes) or anything shaped like a resident ID number.
   */
  public void neverShows(Answer answer, String what, String... secrets) {
    String body = answer.body() == null ? "" : answer.body();
    for (String secret : secrets) {
      if (body.contains(secret)) {
        throw new StoryFailure(
            answer.user() + " sees " + what + " (" + secret + ") in " + answer.url());
      }
    }
    if (PersonalData.showsResidentId(body)) {
      throw new StoryFailure(answer.user() + " sees a resident ID number in " + answer.url());
    }
  }

  public Map<String, String> ids() {
    return Map.copyOf(ids);
  }

  /**
   * Polls until {@code condition} is true: effects that travel over Kafka (another service reacting
   * to an event) arrive after the command returned. Fails with {@code what} after the await limit.
   */
  public void await(String what, Supplier<Boolean> condition) {
    await(what, condition, () -> "");
  }

  /** As {@link #await(String, Supplier)}; {@code lastSeen} describes the last answer on failure. */
  public void await(String what, Supplier<Boolean> condition, Supplier<String> lastSeen) {
    Instant end = Instant.now().plus(awaitLimit);
    Instant start = Instant.now();
    while (true) {
      if (Boolean.TRUE.equals(condition.get())) {
        say()
            .detail(
                "("
                    + what
                    + " after "
                    + Duration.between(start, Instant.now()).toMillis()
                    + " ms)");
        return;
      }
      if (Instant.now().isAfter(end)) {
        throw new StoryFailure(
            "still not the case after " + awaitLimit.toSeconds() + " s: " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoryFailure("interrupted while awaiting " + what);
      }
    }
  }
}
