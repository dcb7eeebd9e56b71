package cn.anshan.oversight.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * How the relay's own producer and admin client reach and log in to the broker: the same {@code
 * kafka.*} address, security protocol, SASL and TLS settings the service's consumers use, so the
 * relay writes as the service's principal (issue 15 item 5).
 */
@ApplicationScoped
public class BrokerConnection {
  private static final String PREFIX = "kafka.";
  private static final String[] CONNECTION_KEYS = {
    "bootstrap.servers", "security.protocol", "sasl.", "ssl."
  };

  private final Properties properties = new Properties();

  BrokerConnection(Config config) {
    for (String name : config.getPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String key = name.substring(PREFIX.length());
      for (String wanted : CONNECTION_KEYS) {
        if (key.equals(wanted) || (wanted.endsWith(".") && key.startsWith(wanted))) {
          config.getOptionalValue(name, String.class).ifPresent(v -> properties.put(key, v));
        }
      }
    }
    if (!properties.containsKey("bootstrap.servers")) {
      throw new IllegalStateException("kafka.bootstrap.servers is not configured");
    }
  }

  /** A fresh copy: callers add their client's own settings. */
  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }
}
