package cn.anshan.oversight.fee.domain;

import java.util.List;

/**
 * One round's votes of a school's parent committee: what was cast, how many representatives may
 * vote ({@code voters}), and the share of them, in percent, that must be exceeded before the round
 * counts ({@code quorumPercent}, configuration: LN-ASV-06 names no number).
 */
public record ConsultationVotes(List<Vote> votes, int voters, int quorumPercent) {}
