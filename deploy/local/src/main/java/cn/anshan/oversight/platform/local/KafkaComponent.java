package cn.anshan.oversight.platform.local;

import cn.anshan.oversight.contracts.EventBackbone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka KRaft, combined broker + controller, as a child JVM ({@code kafka.Kafka}) on the launcher's
 * dependency classpath (kafka_2.13 from Central).
 *
 * <p>Why a child JVM and not an in-process {@code KafkaRaftServer}: its heap, GC and threads are
 * its own (the launcher stays a ~100 MB process), {@code status} can report Kafka's RSS separately,
 * a broker crash cannot take the launcher (and with it PostgreSQL and Keycloak) down, SIGTERM gives
 * the broker its normal controlled shutdown, and the classpath needs no compile-time access to
 * Kafka's internal server classes. It costs one JVM start (~1 s).
 */
final class KafkaComponent extends Component {
  /** Partitions of each event topic; the services' EVENT_PARTITIONS default. */
  private static final int PARTITIONS = 6;

  KafkaComponent(Layout layout) {
    super(layout, "kafka");
  }

  @Override
  String endpoint() {
    Ports ports = layout.ports();
    return ports.kafkaBootstrap()
        + "  (KRaft, controller 127.0.0.1:"
        + ports.kafkaController()
        + ")";
  }

  private Path logDir() {
    return layout.state().resolve("kafka");
  }

  @Override
  protected void doStart() throws IOException, InterruptedException {
    boolean formatted = Files.exists(logDir().resolve("meta.properties"));
    if (formatted && !Files.exists(KafkaCredentials.file(layout.state()))) {
      throw new IllegalStateException(
          "the Kafka data in "
              + logDir()
              + " predates authenticated Kafka (issue 15 item 5) and has no users: with the"
              + " platform down, delete that folder (audit keeps what it already stored; the"
              + " services' outboxes are not touched) or start with a new OVERSIGHT_STATE");
    }
    KafkaCredentials credentials = KafkaCredentials.of(layout);
    Path configDir = layout.state().resolve("kafka-config");
    Files.createDirectories(configDir);
    Files.createDirectories(logDir());
    Path serverProps = configDir.resolve("server.properties");
    Path log4j = configDir.resolve("log4j2.properties");
    Files.writeString(serverProps, serverProperties(credentials));
    Files.setPosixFilePermissions(serverProps, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(log4j, LOG4J2);
    Path log = layout.log(name);

    if (!formatted) {
      String clusterId = randomClusterId();
      Procs.log("kafka: formatting storage in %s (cluster id %s)", logDir(), clusterId);
      List<String> fmt = javaCommand(log4j, "-Xmx256m");
      fmt.addAll(
          List.of(
              "kafka.tools.StorageTool",
              "format",
              "-t",
              clusterId,
              "-c",
              serverProps.toString(),
              // the platform's super user; the services' users are made through it below
              "--add-scram",
              "SCRAM-SHA-512=[name="
                  + KafkaCredentials.ADMIN
                  + ",password="
                  + credentials.password(KafkaCredentials.ADMIN)
                  + "]"));
      ProcessBuilder pb = new ProcessBuilder(fmt);
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("kafka storage format failed; see " + log);
      }
    }

    List<String> cmd =
        javaCommand(
            log4j,
            "-Xms128m",
            "-Xmx512m",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");
    cmd.add("kafka.Kafka");
    cmd.add(serverProps.toString());
    long offset = Procs.logSize(log);
    Process p = spawn(cmd, layout.state(), Map.of(), log);
    Procs.await(
        "kafka",
        p,
        Duration.ofSeconds(120),
        log,
        () ->
            Procs.logContainsSince(log, offset, "Kafka Server started")
                && Procs.portOpen(layout.ports().kafka()));
    provision(credentials);
  }

  /** Users, topics and ACLs of the event backbone; run on every start, so a new grant arrives. */
  private void provision(KafkaCredentials credentials) throws InterruptedException {
    EventBackbone.provision(
        credentials.adminClient(layout.ports().kafkaBootstrap()),
        EventBackbone.PRINCIPALS,
        credentials.servicePasswords(),
        PARTITIONS,
        (short) 1);
    Procs.log(
        "kafka: %d service principals, topics and ACLs provisioned",
        EventBackbone.PRINCIPALS.size());
  }

  private List<String> javaCommand(Path log4j, String... jvmArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(layout.javaBin());
    cmd.addAll(List.of(jvmArgs));
    cmd.add("-Djava.io.tmpdir=" + layout.tmp());
    cmd.add("-Dlog4j2.configurationFile=" + log4j);
    cmd.add("-cp");
    cmd.add(layout.dependencyClasspath());
    return cmd;
  }

  private String serverProperties(KafkaCredentials credentials) {
    Ports ports = layout.ports();
    String admin = KafkaCredentials.ADMIN;
    String adminPassword = credentials.password(admin);
    return String.join(
        "\n",
        "# generated by the local platform launcher on every start; edit KafkaComponent.java",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + ports.kafkaController(),
        "listeners=CLIENT://127.0.0.1:"
            + ports.kafka()
            + ",CONTROLLER://127.0.0.1:"
            + ports.kafkaController(),
        "advertised.listeners=CLIENT://" + ports.kafkaBootstrap(),
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=CLIENT",
        // issue 15 item 5: nobody talks to this broker without logging in (INFRA-NOTES 8a)
        "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
        "sasl.enabled.mechanisms=SCRAM-SHA-512",
        "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
        "listener.name.client.scram-sha-512.sasl.jaas.config="
            + EventBackbone.scramLogin(admin, adminPassword),
        "sasl.mechanism.controller.protocol=PLAIN",
        "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
        "listener.name.controller.plain.sasl.jaas.config="
            + EventBackbone.plainLogin(admin, adminPassword, true),
        "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        "super.users=User:" + admin,
        "allow.everyone.if.no.acl.found=false",
        "log.dirs=" + logDir(),
        "num.partitions=" + PARTITIONS,
        "default.replication.factor=1",
        "min.insync.replicas=1",
        // the platform creates topics (EventBackbone); a typo must not make a new one
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=6",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=6",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  /** Same shape as Kafka's Uuid.randomUuid(): 16 random bytes, URL-safe base64, no padding. */
  private static String randomClusterId() {
    SecureRandom rnd = new SecureRandom();
    byte[] b = new byte[16];
    String id;
    do {
      rnd.nextBytes(b);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    } while (id.startsWith("-"));
    return id;
  }

  private static final String LOG4J2 =
      String.join(
          "\n",
          "# generated by the local platform launcher",
          "status = warn",
          "appender.out.type = Console",
          "appender.out.name = out",
          "appender.out.layout.type = PatternLayout",
          "appender.out.layout.pattern = [%d] %p %m (%c)%n",
          "rootLogger.level = INFO",
          "rootLogger.appenderRef.out.ref = out",
          "logger.kafka.name = org.apache.kafka",
          "logger.kafka.level = WARN",
          "");
}
