package cn.anshan.oversight.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may write and read what on the event backbone (issue 15 item 5): each service is its own
 * SCRAM-SHA-512 principal, named after the service; it may write only its context's topic and the
 * dead-letter topics of its own consumer groups, and read only the topics it consumes, with its own
 * groups. Nobody but the platform creates topics (brokers run with {@code
 * auto.create.topics.enable=false}).
 *
 * <p>The one description of the topology: the tests' broker, the local platform and
 * docker-compose's init step provision exactly this, so a service whose configuration reads or
 * writes anything else fails its own tests with an authorisation error.
 */
public final class EventBackbone {

  /** A consumer group reading a topic (or, for audit, every topic under a prefix). */
  public record Subscription(String group, String topic, boolean prefixed) {
    /** Where the group parks what it cannot apply (smallrye's dead-letter-queue strategy). */
    public String deadLetterTopic() {
      return group + ".dlq";
    }
  }

  /** A service on the backbone: one principal, one topic it owns, the groups it consumes with. */
  public record Principal(String name, String context, List<Subscription> subscriptions) {
    public String topic() {
      return topicOf(context);
    }

    public String user() {
      return "User:" + name;
    }
  }

  /** Every event topic starts with this; audit reads them all. */
  public static final String TOPIC_PREFIX = "oversight.";

  public static final List<Principal> PRINCIPALS =
      List.of(
          new Principal("institution-registry", "registry", List.of()),
          new Principal(
              "escrow-monitor",
              "escrow",
              List.of(
                  new Subscription("escrow-monitor-registry", topicOf("registry"), false),
                  new Subscription("escrow-monitor-enrolment", topicOf("enrolment"), false))),
          new Principal(
              "enrolment",
              "enrolment",
              List.of(
                  new Subscription("enrolment-registry", topicOf("registry"), false),
                  new Subscription("enrolment-fee", topicOf("fee"), false))),
          new Principal(
              "fee-approval",
              "fee",
              List.of(new Subscription("fee-approval-enrolment", topicOf("enrolment"), false))),
          new Principal(
              "audit", "audit", List.of(new Subscription("audit-ingest", TOPIC_PREFIX, true))));

  private EventBackbone() {}

  /** The client login of a SCRAM-SHA-512 user (a service principal, or the platform's admin). */
  public static String scramLogin(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /**
   * A PLAIN login; with {@code defineUser} it also defines the user on a broker listener (the super
   * user's login on controller listeners and in tests).
   */
  public static String plainLogin(String user, String password, boolean defineUser) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\""
        + (defineUser ? " user_" + user + "=\"" + password + "\"" : "")
        + ";";
  }

  public static String topicOf(String context) {
    return TOPIC_PREFIX + context + ".events";
  }

  public static Principal principal(String name) {
    return PRINCIPALS.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no principal " + name + " on the backbone"));
  }

  /** The event topics and the dead-letter topics, each once. */
  public static Set<String> topics(Collection<Principal> principals) {
    Set<String> topics = new LinkedHashSet<>();
    principals.forEach(p -> topics.add(p.topic()));
    principals.forEach(p -> p.subscriptions().forEach(s -> topics.add(s.deadLetterTopic())));
    return topics;
  }

  /** Exactly what each principal is allowed, each grant once; the broker denies anything else. */
  public static List<AclBinding> acls(Collection<Principal> principals) {
    Set<AclBinding> acls = new LinkedHashSet<>();
    for (Principal p : principals) {
      allow(acls, p, topic(p.topic(), false), AclOperation.WRITE, AclOperation.DESCRIBE);
      for (Subscription s : p.subscriptions()) {
        allow(acls, p, topic(s.topic(), s.prefixed()), AclOperation.READ, AclOperation.DESCRIBE);
        allow(
            acls,
            p,
            new ResourcePattern(ResourceType.GROUP, s.group(), PatternType.LITERAL),
            AclOperation.READ);
        allow(
            acls, p, topic(s.deadLetterTopic(), false), AclOperation.WRITE, AclOperation.DESCRIBE);
      }
    }
    return List.copyOf(acls);
  }

  /**
   * Creates (or, when run again, confirms) users, topics and ACLs, logged in as the broker's super
   * user, and returns once the broker enforces them: a service started right after must not meet a
   * denial that is only the ACLs still travelling through the metadata log.
   *
   * @param adminClient connection settings of a super user (plain properties, so callers in another
   *     class loader, such as a Quarkus test resource, pass no Kafka types)
   * @param passwords each principal's password by name
   */
  public static void provision(
      Properties adminClient,
      Collection<Principal> principals,
      Map<String, String> passwords,
      int partitions,
      short replicationFactor)
      throws InterruptedException {
    try (Admin admin = Admin.create(adminClient)) {
      List<UserScramCredentialAlteration> users = new ArrayList<>();
      for (Principal p : principals) {
        String password = passwords.get(p.name());
        if (password == null || password.isBlank()) {
          throw new IllegalArgumentException("no Kafka password for " + p.name());
        }
        users.add(
            new UserScramCredentialUpsertion(
                p.name(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
      }
      admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
      for (String topic : topics(principals)) {
        int topicPartitions = topic.endsWith(".dlq") ? 1 : partitions;
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, topicPartitions, replicationFactor)))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      List<AclBinding> acls = acls(principals);
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
      awaitEnforced(admin, principals, acls.size());
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot provision the event backbone: " + e, e);
    }
  }

  private static void awaitEnforced(Admin admin, Collection<Principal> principals, int expected)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    Set<String> users = new LinkedHashSet<>();
    principals.forEach(p -> users.add(p.user()));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      long visible =
          admin
              .describeAcls(
                  new AclBindingFilter(ResourcePatternFilter.ANY, AccessControlEntryFilter.ANY))
              .values()
              .get(30, TimeUnit.SECONDS)
              .stream()
              .filter(b -> users.contains(b.entry().principal()))
              .count();
      if (visible >= expected) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the broker shows " + visible + " of " + expected + " ACLs after 30 s");
      }
      Thread.sleep(100);
    }
  }

  private static ResourcePattern topic(String name, boolean prefixed) {
    return new ResourcePattern(
        ResourceType.TOPIC, name, prefixed ? PatternType.PREFIXED : PatternType.LITERAL);
  }

  private static void allow(
      Set<AclBinding> acls, Principal p, ResourcePattern resource, AclOperation... operations) {
    for (AclOperation op : operations) {
      acls.add(
          new AclBinding(
              resource, new AccessControlEntry(p.user(), "*", op, AclPermissionType.ALLOW)));
    }
  }
}
