package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.domain.staff.QualificationCounts;
import cn.anshan.oversight.registry.domain.standing.LicenceStatus;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What anyone signed in, parents included, may know about an approved institution: its list status
 * and licence validity, and how far its staff declarations are verified (counts only). No staff
 * data, no accounts, no personal data.
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
    @Schema(
            description =
                "Issue 18 item 3: of the active staff, how many the regulator has verified, has not"
                    + " checked yet (the operator's word only), or found to break STF-01/STF-02")
        QualificationCounts staffQualifications,
    List<String> listReasons) {}
