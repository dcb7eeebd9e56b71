package cn.anshan.oversight.enrolment.domain.provider;

public enum AdmissionStatus {
  ADMITTED,
  EXITED
}
