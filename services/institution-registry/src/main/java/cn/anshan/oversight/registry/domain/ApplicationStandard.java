package cn.anshan.oversight.registry.domain;

/**
 * What a new application is checked against: REG-10 premises, REG-08's minimum start-up capital in
 * yuan (typically 300,000; the Liaoning figure is UNCONFIRMED, so configured) and who approves a
 * non-subject institution (REG-08: varies by province, so configured).
 */
public record ApplicationStandard(
    PremisesStandard premises, long minStartUpCapitalYuan, NonSubjectApproval nonSubjectApproval) {}
