package cn.anshan.oversight.registry.domain.staff;

/**
 * STF-01: TEACHER_CERT = 教师资格证书; PRO_CERT = 职业(专业)能力证明 (vocational or professional competence
 * certificate).
 */
public enum QualificationType {
  TEACHER_CERT,
  PRO_CERT
}
