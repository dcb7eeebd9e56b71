package cn.anshan.oversight.kit.events;

import cn.anshan.oversight.kit.security.Actor;
import java.util.UUID;

/**
 * Who caused a state change and in which chain of messages: the actor plus the correlation id
 * shared by everything one user action set off, and the id of the message that caused it.
 */
public record CommandContext(Actor actor, String correlationId, String causationId) {

  /**
   * What the platform does on its own because of this command (a risk trip, a derived effect):
   * actor {@code system:<service>}, same correlation and cause.
   */
  public CommandContext byThePlatform(String service) {
    return new CommandContext(Actor.system(service), correlationId, causationId);
  }

  /** A command arriving over HTTP: correlation taken from the caller if given, else new. */
  public static CommandContext ofRequest(Actor actor, String correlationHeader, String requestId) {
    String correlation =
        correlationHeader != null && correlationHeader.matches("[A-Za-z0-9._:-]{1,64}")
            ? correlationHeader
            : UUID.randomUUID().toString();
    return new CommandContext(actor, correlation, requestId);
  }
}
