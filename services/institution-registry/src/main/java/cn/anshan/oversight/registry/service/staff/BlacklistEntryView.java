package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.registry.domain.staff.RedLine;
import cn.anshan.oversight.registry.domain.staff.StaffBlacklistEntry;
import cn.anshan.oversight.registry.domain.staff.StaffMember;
import java.time.Instant;
import java.util.List;

/**
 * A blacklist entry and where the person is filed right now. Neither the ID number nor its hash is
 * shown.
 */
public record BlacklistEntryView(
    String entryId,
    long version,
    RedLine redLine,
    String detail,
    Instant listedAt,
    String listedBy,
    List<FiledAt> currentlyFiled) {

  public record FiledAt(String staffId, String institutionId, String district) {}

  static BlacklistEntryView of(StaffBlacklistEntry e, List<StaffMember> filed) {
    return new BlacklistEntryView(
        e.entryId(),
        e.version(),
        e.redLine(),
        e.detail(),
        e.listedAt(),
        e.listedBy(),
        filed.stream()
            .map(m -> new FiledAt(m.staffId(), m.institutionId(), m.district()))
            .toList());
  }
}
