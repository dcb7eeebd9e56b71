package cn.anshan.oversight.testkit;

import cn.anshan.oversight.contracts.EventBackbone;
import cn.anshan.oversight.contracts.EventBackbone.Principal;
import cn.anshan.oversight.contracts.EventBackbone.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The service a test module runs, read from its {@code application.properties}: which principal it
 * is on the event backbone, and whether what it consumes is what the backbone grants it.
 */
final class ServiceUnderTest {
  private static final String INCOMING = "mp.messaging.incoming.";

  private ServiceUnderTest() {}

  /**
   * The backbone's principal for the service, after checking that its configured consumers match
   * the grants; a principal of its own for an application outside the platform (the kit's probe).
   */
  static Principal principal() {
    Properties config = load();
    String name = config.getProperty("oversight.events.service");
    String context = config.getProperty("oversight.events.context");
    if (name == null || context == null) {
      throw new IllegalStateException(
          "application.properties names no oversight.events.service / context");
    }
    List<Subscription> configured = subscriptions(config);
    boolean onBackbone = EventBackbone.PRINCIPALS.stream().anyMatch(p -> p.name().equals(name));
    if (!onBackbone) {
      return new Principal(name, context, configured);
    }
    Principal granted = EventBackbone.principal(name);
    if (!granted.context().equals(context)
        || !new HashSet<>(granted.subscriptions()).equals(new HashSet<>(configured))) {
      throw new IllegalStateException(
          "application.properties of "
              + name
              + " consumes "
              + configured
              + " as context "
              + context
              + ", but the event backbone (contracts EventBackbone) grants "
              + granted);
    }
    return granted;
  }

  private static List<Subscription> subscriptions(Properties config) {
    List<Subscription> subscriptions = new ArrayList<>();
    for (String key : new TreeSet<>(config.stringPropertyNames())) {
      if (!key.startsWith(INCOMING) || !key.endsWith(".connector")) {
        continue;
      }
      String channel = key.substring(INCOMING.length(), key.length() - ".connector".length());
      String prefix = INCOMING + channel + ".";
      String group = config.getProperty(prefix + "group.id");
      String topic = config.getProperty(prefix + "topic", channel);
      boolean pattern = Boolean.parseBoolean(config.getProperty(prefix + "pattern", "false"));
      String deadLetters = config.getProperty(prefix + "dead-letter-queue.topic");
      if (pattern && !topic.startsWith("oversight\\.")) {
        throw new IllegalStateException(channel + ": a pattern must stay under oversight.");
      }
      Subscription s =
          pattern
              ? new Subscription(group, EventBackbone.TOPIC_PREFIX, true)
              : new Subscription(group, topic, false);
      if (deadLetters != null && !deadLetters.equals(s.deadLetterTopic())) {
        throw new IllegalStateException(
            channel + " parks on " + deadLetters + "; the backbone grants " + s.deadLetterTopic());
      }
      subscriptions.add(s);
    }
    return subscriptions;
  }

  private static Properties load() {
    Properties config = new Properties();
    try (InputStream in =
        Thread.currentThread()
            .getContextClassLoader()
            .getResourceAsStream("application.properties")) {
      if (in != null) {
        config.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }
}
