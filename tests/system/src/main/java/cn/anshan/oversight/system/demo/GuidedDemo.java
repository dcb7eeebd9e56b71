package cn.anshan.oversight.system.demo;

import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Api;
import cn.anshan.oversight.system.Endpoints;
import cn.anshan.oversight.system.HttpClients;
import cn.anshan.oversight.system.Narrator;
import cn.anshan.oversight.system.StoryFailure;
import cn.anshan.oversight.system.Tokens;
import cn.anshan.oversight.system.story.Step;
import cn.anshan.oversight.system.story.Story;
import cn.anshan.oversight.system.story.StoryContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The guided demo ({@code deploy/demo/run}): the system tests' story against an already running
 * platform, printing who did what and what came back, and at the end what the auditor sees.
 *
 * <p>Exit status: 0 every step answered as expected; 1 a step did not (the reason is printed); 2
 * the platform is not reachable; 3 the platform already ran the story (its state must be reset).
 */
public final class GuidedDemo {

  private static final List<String> USERS =
      List.of(
          StoryContext.OPERATOR_A,
          StoryContext.OPERATOR_B,
          StoryContext.REGULATOR_TIEDONG,
          StoryContext.REGULATOR_LISHAN,
          StoryContext.PRICING_OFFICER,
          StoryContext.CITY_GOV,
          StoryContext.SCHOOL_ADMIN,
          StoryContext.PARENT_1,
          StoryContext.PARENT_2,
          StoryContext.BANK,
          StoryContext.AUDITOR);

  private GuidedDemo() {}

  public static void main(String[] args) {
    Path repo = Path.of("").toAbsolutePath();
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
        case "--verbose", "-v" -> verbose = true;
        default -> {
          System.err.println("usage: GuidedDemo [--repo <dir>] [--verbose]");
          System.exit(64);
        }
      }
    }
    Endpoints urls = Endpoints.fromEnvironment();
    Narrator narrator = new Narrator(System.out, verbose);
    Api api = new Api(urls, narrator);
    System.out.println(
        "双减 Oversight Platform — guided demo: the whole story over HTTP, as the users meet it");
    System.out.println(
        "(every request carries a password-grant token of a demo user; see deploy/README.md)");

    if (!reachable(urls)) {
      System.exit(2);
    }
    claims(api);
    Answer earlier =
        api.as(StoryContext.OPERATOR_A)
            .get(urls.registry() + "/api/v1/institution-applications/" + StoryContext.INSTITUTION_A)
            .quietly()
            .send();
    if (earlier.status() == 200) {
      System.out.println();
      System.out.println(
          "This platform already ran the story (operator-a's institution exists, status "
              + earlier.text("status")
              + ").");
      System.out.println(
          "Start from fresh data:  deploy/local/platform down && rm -rf .oversight/pg"
              + " .oversight/kafka && deploy/local/platform up");
      System.exit(3);
    }

    StoryContext story = new StoryContext(api, Duration.ofSeconds(90));
    Instant t0 = Instant.now();
    List<Step> steps = Story.steps(repo, repo.resolve("tests/system/target/demo-export"));
    for (Step step : steps) {
      narrator.step(step.number(), step.title());
      try {
        step.run(story);
      } catch (StoryFailure e) {
        System.out.println();
        System.out.println(
            "!!! step " + step.number() + " did not go as expected: " + e.getMessage());
        System.exit(1);
      }
    }
    System.out.println();
    System.out.printf(
        "All %d steps answered as expected in %d s. Ids: %s%n",
        steps.size(), Duration.between(t0, Instant.now()).toSeconds(), story.ids());
    System.out.println(
        "Try the same calls yourself: deploy/demo/README.md (curl-as, .http files per role).");
  }

  private static boolean reachable(Endpoints urls) {
    HttpClient http = HttpClients.http11(Duration.ofSeconds(3));
    boolean ok = true;
    System.out.println();
    System.out.println("Platform:");
    ok &= probe(http, "keycloak", urls.issuer() + "/.well-known/openid-configuration");
    for (Map.Entry<String, String> e : urls.services().entrySet()) {
      ok &= probe(http, e.getKey(), e.getValue() + "/q/health/ready");
    }
    if (!ok) {
      System.out.println(
          "Start it first: deploy/local/platform up   (status: deploy/local/platform status)");
    }
    return ok;
  }

  private static boolean probe(HttpClient http, String name, String url) {
    int status;
    try {
      status =
          http.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
    } catch (IOException e) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 0;
    }
    System.out.printf(
        "  %-22s %-60s %s%n", name, url, status == 200 ? "up" : "NOT READY (" + status + ")");
    return status == 200;
  }

  private static void claims(Api api) {
    System.out.println();
    System.out.println("Demo users (password = user name) and their token claims:");
    for (String user : USERS) {
      JsonNode c = Tokens.claims(api.tokens().of(user));
      StringBuilder roles = new StringBuilder();
      c.path("realm_access")
          .path("roles")
          .forEach(
              r -> {
                String role = r.asText();
                if (!role.startsWith("default-roles")
                    && !role.equals("offline_access")
                    && !role.equals("uma_authorization")) {
                  roles.append(roles.isEmpty() ? "" : ",").append(role);
                }
              });
      StringBuilder scope = new StringBuilder();
      for (String k : List.of("district", "institution_id", "school_id")) {
        if (c.hasNonNull(k)) {
          scope.append(' ').append(k).append('=').append(c.get(k).asText());
        }
      }
      System.out.printf("  %-18s %-22s aud=%s%s%n", user, roles, c.path("aud"), scope);
    }
  }
}
