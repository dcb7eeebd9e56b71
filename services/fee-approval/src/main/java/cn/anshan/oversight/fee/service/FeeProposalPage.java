package cn.anshan.oversight.fee.service;

import java.util.List;

/** A page of proposals; {@code next} is the cursor for the following page, null at the end. */
public record FeeProposalPage(List<FeeProposalView> items, String next) {}
