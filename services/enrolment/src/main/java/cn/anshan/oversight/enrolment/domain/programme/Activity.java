package cn.anshan.oversight.enrolment.domain.programme;

/**
 * One activity of a programme; {@code providerId} is the registry institution running it, if any.
 */
public record Activity(String name, ActivityKind kind, String providerId) {}
