package cn.anshan.oversight.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.contracts.EventBackbone;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5 on the tests' broker, which runs the contracts' EventBackbone as every platform
 * does: each service logs in as itself, writes only its own topic, reads only what it consumes with
 * its own groups; nobody but the platform creates topics; a client without valid credentials gets
 * nothing. (That the grants are enough is shown by every service's own tests, which run as their
 * principal.)
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class BackboneAclTest {

  @Test
  void aServiceWritesItsOwnTopicAndNoOtherProducersTopic() {
    assertNull(
        produce(TestInfra.kafkaClientAs("institution-registry"), "oversight.registry.events"));
    Exception forged =
        produce(TestInfra.kafkaClientAs("institution-registry"), "oversight.escrow.events");
    assertInstanceOf(AuthorizationException.class, forged, String.valueOf(forged));
    Exception intoAudit = produce(TestInfra.kafkaClientAs("enrolment"), "oversight.audit.events");
    assertInstanceOf(AuthorizationException.class, intoAudit, String.valueOf(intoAudit));
  }

  @Test
  void aConsumerReadsOnlyWhatItConsumesAndOnlyWithItsOwnGroups() {
    assertNull(poll("escrow-monitor", "escrow-monitor-registry", "oversight.registry.events"));
    assertInstanceOf(
        TopicAuthorizationException.class,
        poll("escrow-monitor", "escrow-monitor-registry", "oversight.fee.events"));
    assertInstanceOf(
        GroupAuthorizationException.class,
        poll("escrow-monitor", "enrolment-registry", "oversight.registry.events"));
    // audit reads every event topic (a prefix grant) but parks only on its own dead-letter topic
    assertNull(poll("audit", "audit-ingest", "oversight.fee.events"));
    Exception parkElsewhere = produce(TestInfra.kafkaClientAs("audit"), "enrolment-fee.dlq");
    assertInstanceOf(AuthorizationException.class, parkElsewhere, String.valueOf(parkElsewhere));
    assertNull(produce(TestInfra.kafkaClientAs("audit"), "audit-ingest.dlq"));
  }

  @Test
  void onlyThePlatformCreatesTopics() throws Exception {
    try (Admin asService = Admin.create(TestInfra.kafkaClientAs("audit"))) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  asService
                      .createTopics(List.of(new NewTopic("oversight.rogue.events", 1, (short) 1)))
                      .all()
                      .get(15, TimeUnit.SECONDS));
      assertInstanceOf(TopicAuthorizationException.class, e.getCause());
    }
    // not even the super user's producer creates a topic by writing to it
    Properties admin = TestInfra.kafkaClient();
    admin.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
    assertInstanceOf(TimeoutException.class, produce(admin, "oversight.typo.events"));
    try (Admin a = Admin.create(TestInfra.kafkaClient())) {
      Set<String> topics = a.listTopics().names().get(15, TimeUnit.SECONDS);
      assertFalse(topics.contains("oversight.typo.events"), topics.toString());
      assertTrue(topics.contains("oversight.registry.events"), topics.toString());
    }
  }

  @Test
  void aClientWithoutValidCredentialsGetsNothing() {
    Properties wrongPassword = TestInfra.kafkaClientAs("escrow-monitor");
    wrongPassword.put(
        SaslConfigs.SASL_JAAS_CONFIG, EventBackbone.scramLogin("escrow-monitor", "guessed"));
    assertInstanceOf(
        SaslAuthenticationException.class, produce(wrongPassword, "oversight.escrow.events"));

    Properties anonymous = new Properties();
    anonymous.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
    anonymous.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
    assertInstanceOf(TimeoutException.class, produce(anonymous, "oversight.escrow.events"));
    assertEquals("SASL_PLAINTEXT", TestInfra.kafkaClient().get("security.protocol"));
  }

  /** Sends one record and waits for the broker; returns the failure's cause, null when stored. */
  private static Exception produce(Properties client, String topic) {
    Properties p = new Properties();
    p.putAll(client);
    p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(topic, "k", "{}")).get(15, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return (Exception) e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  /** Joins {@code group} and polls {@code topic} for a moment; returns what the broker refused. */
  private static Exception poll(String principal, String group, String topic) {
    Properties p = TestInfra.kafkaClientAs(principal);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200));
      }
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
