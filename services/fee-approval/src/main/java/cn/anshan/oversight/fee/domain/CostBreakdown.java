package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Embeddable;

/**
 * Monthly cost of the service in fen (以支定收, LN-ASV-06): staff allowances, materials, purchases from
 * outside providers and utilities.
 */
@Embeddable
public record CostBreakdown(
    long staffAllowancesFen, long materialsFen, long outsideProvidersFen, long utilitiesFen) {

  public long totalFen() {
    return Math.addExact(
        Math.addExact(staffAllowancesFen, materialsFen),
        Math.addExact(outsideProvidersFen, utilitiesFen));
  }
}
