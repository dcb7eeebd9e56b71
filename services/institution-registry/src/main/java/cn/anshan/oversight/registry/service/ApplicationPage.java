package cn.anshan.oversight.registry.service;

import java.util.List;

/** A page of applications; {@code next} is the cursor for the following page, null at the end. */
public record ApplicationPage(List<ApplicationView> items, String next) {}
