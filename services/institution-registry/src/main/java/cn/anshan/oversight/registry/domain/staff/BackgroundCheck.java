package cn.anshan.oversight.registry.domain.staff;

/**
 * What the register already knows about a person being filed: whether they are active staff of this
 * institution already (a second filing is a conflict, not a rule) and whether they are on the
 * STF-06 staff blacklist.
 */
public record BackgroundCheck(boolean activeHere, boolean blacklisted) {}
