package cn.anshan.oversight.registry.service.complaint;

import java.util.List;

/** A page of complaints; {@code next} is the cursor for the following page, null at the end. */
public record ComplaintPage(List<ComplaintView> items, String next) {}
