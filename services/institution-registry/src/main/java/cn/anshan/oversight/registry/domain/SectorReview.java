package cn.anshan.oversight.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * REG-02 / REG-08: the opinion the sector department of a non-subject application's sub-category
 * gave on it, who gave it, why and when. A later opinion replaces an earlier one.
 */
@Embeddable
public record SectorReview(
    @Enumerated(EnumType.STRING) @Column(name = "sector_opinion") SectorOpinion opinion,
    @Column(name = "sector_opinion_by") String department,
    @Column(name = "sector_opinion_reason") String reason,
    @Column(name = "sector_opinion_at") Instant at) {

  boolean concurred() {
    return opinion == SectorOpinion.CONCURRED;
  }
}
