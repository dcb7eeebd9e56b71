package cn.anshan.oversight.escrow.domain.order;

import java.util.List;

/**
 * What the family already holds: its paid orders of the course (PRE-23, renewal) and its orders of
 * the institution placed within the split window (PRE-24).
 */
public record Holdings(List<Order> paidOfCourse, List<Order> splitWindow) {}
