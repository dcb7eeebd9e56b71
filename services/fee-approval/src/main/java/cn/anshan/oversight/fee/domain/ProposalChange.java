package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.events.PendingEvent;

/**
 * What one transition did to a fee proposal: the event it records and the line it adds to the
 * proposal's history ({@code note} may be null). A command persists the proposal and appends both.
 */
public record ProposalChange(FeeProposal proposal, PendingEvent event, String note) {}
