package cn.anshan.oversight.registry.service.advertising;

import java.util.List;

/** A page of ad reports; {@code next} is the cursor for the following page, null at the end. */
public record AdReportPage(List<AdReportView> items, String next) {}
