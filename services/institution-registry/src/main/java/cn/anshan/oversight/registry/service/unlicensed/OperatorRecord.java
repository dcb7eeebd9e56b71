package cn.anshan.oversight.registry.service.unlicensed;

import cn.anshan.oversight.registry.domain.unlicensed.Discovery;

/** What the regulator knows of an operator when recording it. */
public record OperatorRecord(
    String name,
    String address,
    String onlinePresence,
    Discovery discoveredThrough,
    String sourceReference) {}
