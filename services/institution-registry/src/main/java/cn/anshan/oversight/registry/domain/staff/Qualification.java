package cn.anshan.oversight.registry.domain.staff;

/** A certificate a staff member holds: its kind and its number. */
public record Qualification(QualificationType type, String number) {}
