package cn.anshan.oversight.kit.events;

/** A record no retry can fix; the messaging failure strategy moves it to the DLQ. */
public class PoisonEventException extends RuntimeException {
  public PoisonEventException(String message) {
    super(message);
  }
}
