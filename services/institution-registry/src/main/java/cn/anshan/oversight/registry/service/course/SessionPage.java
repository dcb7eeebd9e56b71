package cn.anshan.oversight.registry.service.course;

import java.util.List;

/** A page of sessions in start order; {@code next} is the following page's cursor, or null. */
public record SessionPage(List<SessionView> items, String next) {}
