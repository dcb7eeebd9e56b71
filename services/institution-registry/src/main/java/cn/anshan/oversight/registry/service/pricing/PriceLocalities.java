package cn.anshan.oversight.registry.service.pricing;

import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.config.pricing.PricingSettings;
import cn.anshan.oversight.registry.domain.Mode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * PRC-02: whose schedule prices a course. Offline benchmarks are the city's (set under the
 * province's authorisation); online benchmarks are set by the province that licensed the
 * institution, which is the province authority that approves online institutions (§11 row 1).
 */
@ApplicationScoped
public class PriceLocalities {
  private final PricingSettings pricing;
  private final RegistrySettings registry;

  public PriceLocalities(PricingSettings pricing, RegistrySettings registry) {
    this.pricing = pricing;
    this.registry = registry;
  }

  public String of(Mode mode) {
    return mode == Mode.ONLINE ? registry.provinceAuthority() : pricing.locality();
  }

  public boolean isKnown(String locality) {
    return locality.equals(pricing.locality()) || locality.equals(registry.provinceAuthority());
  }
}
