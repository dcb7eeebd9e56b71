package cn.anshan.oversight.registry.domain.course;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import java.util.List;

/**
 * REG-03's four criteria for telling subject-type from non-subject training (《义务教育阶段校外培训项目分类鉴别指南》):
 * the training is subject-type if it aims at subject grades, covers subject content, is lecture or
 * drill based, or evaluates mainly by scores or exam results — any one is enough. The first value
 * of each criterion is the subject-type one.
 */
@Embeddable
public record Classification(
    @Enumerated(EnumType.STRING) TrainingPurpose purpose,
    @Enumerated(EnumType.STRING) TrainingContent content,
    @Enumerated(EnumType.STRING) TrainingMethod method,
    @Enumerated(EnumType.STRING) TrainingEvaluation evaluation) {

  /** 培训目的: raising subject grades and exam results, or interest, literacy and ability. */
  public enum TrainingPurpose {
    SUBJECT_GRADES,
    INTEREST_AND_ABILITY
  }

  /** 培训内容: content of a REG-01 subject's national curriculum standard, or other content. */
  public enum TrainingContent {
    SUBJECT_CURRICULUM,
    NON_SUBJECT_CONTENT
  }

  /** 培训方式: lectures, drills and exercises, or experience, practice and performance. */
  public enum TrainingMethod {
    LECTURE_AND_DRILL,
    EXPERIENCE_AND_PRACTICE
  }

  /** 评价方式: mainly scores and exam results, or the process and what learners show. */
  public enum TrainingEvaluation {
    SCORES_AND_EXAMS,
    PROCESS_AND_SHOWCASE
  }

  /** The criteria by which the training is subject-type, in REG-03's order; empty: non-subject. */
  public List<String> subjectTypeBy() {
    List<String> by = new ArrayList<>();
    if (purpose == TrainingPurpose.SUBJECT_GRADES) {
      by.add("purpose");
    }
    if (content == TrainingContent.SUBJECT_CURRICULUM) {
      by.add("content");
    }
    if (method == TrainingMethod.LECTURE_AND_DRILL) {
      by.add("method");
    }
    if (evaluation == TrainingEvaluation.SCORES_AND_EXAMS) {
      by.add("evaluation");
    }
    return by;
  }

  public boolean isSubjectType() {
    return !subjectTypeBy().isEmpty();
  }
}
