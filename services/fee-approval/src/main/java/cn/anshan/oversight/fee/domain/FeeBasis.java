package cn.anshan.oversight.fee.domain;

/** ASV-03: a service charge (服务性收费) or a fee collected on behalf (代收费). */
public enum FeeBasis {
  SERVICE_CHARGE,
  COLLECT_ON_BEHALF
}
