package cn.anshan.oversight.registry.service.staff;

import java.util.List;

/** A page of staff; {@code next} is the cursor for the following page, null at the end. */
public record StaffPage(List<StaffView> items, String next) {}
