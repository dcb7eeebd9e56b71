package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.domain.standing.LicenceStatus;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * What anyone signed in, parents included, may know about an approved institution: its list status
 * and licence validity. No staff data, no accounts, no personal data.
 */
public record PublicInstitutionView(
    String institutionId,
    String name,
    Category category,
    SubCategory subCategory,
    Mode mode,
    String district,
    ListStatus listStatus,
    boolean operational,
    LicenceStatus licenceStatus,
    LocalDate licenceValidTo,
    List<String> listReasons) {}
