package cn.anshan.oversight.registry.domain.course;

/**
 * A teaching material as an operator files it (REG-12): its title and kind, the publisher and ISBN
 * of a published book, and a reference to where the approver can read it.
 */
public record MaterialForm(
    String title, MaterialKind kind, String publisher, String isbn, String reference) {}
