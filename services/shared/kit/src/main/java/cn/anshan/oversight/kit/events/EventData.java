package cn.anshan.oversight.kit.events;

/**
 * Checks for the records a consumer reads another service's event data into: what their
 * constructors refuse, {@link IncomingEvent#dataAs} parks with the reason.
 */
public final class EventData {
  private EventData() {}

  public static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is not a non-empty string");
    }
  }

  public static void require(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
  }
}
