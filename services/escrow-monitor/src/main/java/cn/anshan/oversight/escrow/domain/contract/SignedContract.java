package cn.anshan.oversight.escrow.domain.contract;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * The model contract's particulars as signed with the order (PLT-06: filled in by the platform, not
 * typed by the parent): the institution (CON-02), the service (CON-04) and the payment clause
 * (CON-05). Kept as signed: a later change at the registry does not rewrite a signed contract.
 */
@Embeddable
public class SignedContract {
  @Column(name = "institution_name")
  private String institutionName;

  @Column(name = "licence_no")
  private String licenceNo;

  @Column(name = "licence_valid_to")
  private LocalDate licenceValidTo;

  @Column(name = "registration_type")
  private String registrationType;

  @Column(name = "credit_code")
  private String creditCode;

  @Column(name = "course_name")
  private String courseName;

  @Column(name = "service_type")
  private String serviceType;

  @Column(name = "lesson_minutes")
  private int lessonMinutes;

  @Column(name = "class_size_band")
  private String classSizeBand;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_plan")
  private PaymentPlan paymentPlan;

  private int instalments;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_method")
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
      PaymentMethod paymentMethod) {
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
