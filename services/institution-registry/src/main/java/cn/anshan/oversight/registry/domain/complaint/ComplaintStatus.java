package cn.anshan.oversight.registry.domain.complaint;

public enum ComplaintStatus {
  FILED,
  ANSWERED,
  CLOSED
}
