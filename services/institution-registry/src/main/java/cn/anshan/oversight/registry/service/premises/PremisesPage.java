package cn.anshan.oversight.registry.service.premises;

import java.util.List;

/** A page of sites; {@code next} is the cursor for the following page, null at the end. */
public record PremisesPage(List<PremisesView> items, String next) {}
