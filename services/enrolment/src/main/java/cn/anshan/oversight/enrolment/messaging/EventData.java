package cn.anshan.oversight.enrolment.messaging;

/**
 * Checks the records that read other services' events make of their data; what they refuse, {@link
 * cn.anshan.oversight.kit.events.IncomingEvent#dataAs} parks with the reason.
 */
final class EventData {
  private EventData() {}

  static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is not a non-empty string");
    }
  }
}
