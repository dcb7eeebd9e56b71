package cn.anshan.oversight.registry.domain.course;

/** REG-01 subjects of compulsory education: 道德与法治, 语文, 历史, 地理, 数学, 外语 (英语, 日语, 俄语), 物理, 化学, 生物. */
public enum Subject {
  MORALITY_AND_LAW,
  CHINESE,
  HISTORY,
  GEOGRAPHY,
  MATHEMATICS,
  ENGLISH,
  JAPANESE,
  RUSSIAN,
  PHYSICS,
  CHEMISTRY,
  BIOLOGY
}
