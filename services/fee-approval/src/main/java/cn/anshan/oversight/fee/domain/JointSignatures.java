package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The two signatures of the joint submission (LN-ASV-06): education for the school's district,
 * pricing for the city. Void again when the proposal is returned or amended.
 */
@Embeddable
public record JointSignatures(
    String educationSignedBy,
    Instant educationSignedAt,
    String pricingSignedBy,
    Instant pricingSignedAt) {

  /** No department has signed. */
  public static final JointSignatures NONE = new JointSignatures(null, null, null, null);

  public String signedBy(Department department) {
    return department == Department.EDUCATION ? educationSignedBy : pricingSignedBy;
  }

  public Instant signedAt(Department department) {
    return department == Department.EDUCATION ? educationSignedAt : pricingSignedAt;
  }

  /** Both departments have signed: the proposal goes to the city government. */
  public boolean complete() {
    return educationSignedBy != null && pricingSignedBy != null;
  }

  /** {@code department} signs; a department signs once (409, LN-ASV-06). */
  JointSignatures with(Department department, String signer, Instant at) {
    if (signedBy(department) != null) {
      throw ProblemException.rule(
          409, FeeRules.PROCESS, department + " has already signed this proposal");
    }
    return department == Department.EDUCATION
        ? new JointSignatures(signer, at, pricingSignedBy, pricingSignedAt)
        : new JointSignatures(educationSignedBy, educationSignedAt, signer, at);
  }
}
