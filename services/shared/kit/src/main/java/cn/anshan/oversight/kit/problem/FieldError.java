package cn.anshan.oversight.kit.problem;

/** A failing request field, located by an RFC 6901 JSON pointer into the request body. */
public record FieldError(String pointer, String detail) {}
