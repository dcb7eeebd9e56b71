package cn.anshan.oversight.registry.domain.pricing;

import cn.anshan.oversight.registry.domain.Mode;

/**
 * One government benchmark price (基准收费标准): fen per student per standard class hour (PRC-05) for one
 * mode and class-size band (PRC-04).
 */
public record Benchmark(Mode mode, String band, long fenPerStandardHour) {}
