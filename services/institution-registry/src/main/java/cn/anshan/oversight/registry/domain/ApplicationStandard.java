package cn.anshan.oversight.registry.domain;

/**
 * The numbers a new application is checked against: REG-10 premises, and REG-08's minimum start-up
 * capital in yuan (typically 300,000; the Liaoning figure is UNCONFIRMED, so configured).
 */
public record ApplicationStandard(PremisesStandard premises, long minStartUpCapitalYuan) {}
