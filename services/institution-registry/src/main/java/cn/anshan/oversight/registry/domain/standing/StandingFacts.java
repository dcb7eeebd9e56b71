package cn.anshan.oversight.registry.domain.standing;

import cn.anshan.oversight.registry.domain.Institution;
import java.util.List;

/**
 * What an institution's standing is derived from (LST-01): the institution, its operating licence
 * and legal registration (either may be missing) and the sanctions in force, oldest first.
 */
public record StandingFacts(
    Institution institution,
    OperatingLicence licence,
    LegalRegistration registration,
    List<Sanction> inForce) {}
