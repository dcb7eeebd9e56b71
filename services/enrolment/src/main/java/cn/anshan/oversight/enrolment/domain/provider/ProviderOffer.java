package cn.anshan.oversight.enrolment.domain.provider;

import java.util.List;
import java.util.UUID;

/**
 * What a school brings a provider in for (ASV-06): the institution, the filed course it delivers,
 * the fee per lesson the school pays it, and the programme's services it takes on.
 */
public record ProviderOffer(
    String institutionId, UUID courseId, long feeFenPerLesson, List<String> services) {}
