package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.programme.ContentAgreement;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the parent committee's agreement to a programme's content stands (LN-ASV-01): {@code
 * endorsements} of sitting representatives out of {@code needed}; {@code agreedAt} once agreed.
 */
public record ContentAgreementView(
    UUID programmeId,
    long version,
    int representatives,
    int endorsements,
    int needed,
    Instant agreedAt) {

  static ContentAgreementView of(Programme p, ContentAgreement agreement) {
    return new ContentAgreementView(
        p.id(),
        p.version(),
        agreement.committee().size(),
        agreement.endorsements(),
        agreement.needed(),
        p.contentAgreedAt());
  }
}
