package cn.anshan.oversight.fee.domain;

/** Optional filters of the proposal list; null means no restriction. */
public record FeeProposalFilter(
    String schoolId, String termId, ProgrammeType programmeType, FeeStatus status) {}
