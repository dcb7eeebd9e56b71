package cn.anshan.oversight.escrow.domain.contract;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * The model contract's particulars as signed with the order (PLT-06: filled in by the platform, not
 * typed by the parent): the template signed (CON-01), the institution (CON-02), the service
 * (CON-04), the payment clause (CON-05) and the cooling-off windows (CON-06). Kept as signed: a
 * later change at the registry does not rewrite a signed contract.
 */
@Embeddable
public class SignedContract {
  /** CON-01: the model contract text signed. */
  private String contractTemplate;

  /** CON-06: the full-refund windows before the class opens and after it closes. */
  private int coolingOffDaysBefore;

  private int coolingOffHoursAfter;

  private String institutionName;

  private String licenceNo;

  private LocalDate licenceValidTo;

  private String registrationType;

  private String creditCode;

  private String courseName;

  private String serviceType;

  private int lessonMinutes;

  private String classSizeBand;

  @Enumerated(EnumType.STRING)
  private PaymentPlan paymentPlan;

  private int instalments;

  @Enumerated(EnumType.STRING)
  private PaymentMethod paymentMethod;

  protected SignedContract() {}

  public SignedContract(
      InstitutionParticulars institution,
      Category category,
      String courseMode,
      String courseName,
      int lessonMinutes,
      String classSizeBand,
      PaymentPlan paymentPlan,
      int instalments,
      PaymentMethod paymentMethod,
      String contractTemplate,
      int coolingOffDaysBefore,
      int coolingOffHoursAfter) {
    this.contractTemplate = contractTemplate;
    this.coolingOffDaysBefore = coolingOffDaysBefore;
    this.coolingOffHoursAfter = coolingOffHoursAfter;
    this.institutionName = institution.name();
    this.licenceNo = institution.licenceNo();
    this.licenceValidTo = institution.licenceValidTo();
    this.registrationType = institution.registrationType();
    this.creditCode = institution.creditCode();
    this.courseName = courseName;
    // CON-04's single choice: offline subject / online subject / offline / online non-subject
    this.serviceType = courseMode + "_" + category.name();
    this.lessonMinutes = lessonMinutes;
    this.classSizeBand = classSizeBand;
    this.paymentPlan = paymentPlan;
    this.instalments = instalments;
    this.paymentMethod = paymentMethod;
  }

  public String contractTemplate() {
    return contractTemplate;
  }

  public int coolingOffDaysBefore() {
    return coolingOffDaysBefore;
  }

  public int coolingOffHoursAfter() {
    return coolingOffHoursAfter;
  }

  public String institutionName() {
    return institutionName;
  }

  public String licenceNo() {
    return licenceNo;
  }

  public LocalDate licenceValidTo() {
    return licenceValidTo;
  }

  public String registrationType() {
    return registrationType;
  }

  public String creditCode() {
    return creditCode;
  }

  public String courseName() {
    return courseName;
  }

  public String serviceType() {
    return serviceType;
  }

  public int lessonMinutes() {
    return lessonMinutes;
  }

  public String classSizeBand() {
    return classSizeBand;
  }

  public PaymentPlan paymentPlan() {
    return paymentPlan == null ? PaymentPlan.LUMP_SUM : paymentPlan;
  }

  public int instalments() {
    return instalments < 1 ? 1 : instalments;
  }

  public PaymentMethod paymentMethod() {
    return paymentMethod;
  }
}
