package cn.anshan.oversight.registry.domain.unlicensed;

/**
 * The fine bands of ENF-02 (a multiple of the illegal gains) and ENF-03 (a cap in fen), and the
 * ENF-02 staff threshold, as the city configures them.
 */
public record FineBands(
    int minStaff, int minGainsMultiple, int maxGainsMultiple, long disguisedTrainingCapFen) {}
