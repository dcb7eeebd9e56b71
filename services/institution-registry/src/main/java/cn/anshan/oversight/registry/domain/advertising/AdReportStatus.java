package cn.anshan.oversight.registry.domain.advertising;

public enum AdReportStatus {
  REPORTED,
  CONFIRMED,
  DISMISSED
}
