package cn.anshan.oversight.audit.domain;

import java.time.Instant;

/**
 * Optional filters of a timeline or event query; null means no restriction. {@code to} is
 * exclusive.
 */
public record TimelineFilter(
    String actor, String type, Instant from, Instant to, String correlationId, String district) {}
