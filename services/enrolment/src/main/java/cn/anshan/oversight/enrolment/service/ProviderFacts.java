package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.provider.BarredStaffFiling;
import cn.anshan.oversight.enrolment.domain.provider.FiledCourse;
import cn.anshan.oversight.enrolment.repository.BarredStaffFilingRepository;
import cn.anshan.oversight.enrolment.repository.FiledCourseRepository;
import cn.anshan.oversight.kit.db.LearnedFacts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What enrolment learns from the registry about the courses and staff of would-be providers
 * (ASV-06), in the consumer's transaction; every fact may be learnt twice (at-least-once).
 */
@ApplicationScoped
public class ProviderFacts {
  private final FiledCourseRepository courses;
  private final BarredStaffFilingRepository barred;

  public ProviderFacts(FiledCourseRepository courses, BarredStaffFilingRepository barred) {
    this.courses = courses;
    this.barred = barred;
  }

  /** CourseFiled: a course the institution may be brought in for, at most at its filed price. */
  public Uni<Void> courseFiled(FiledCourse course) {
    return LearnedFacts.learnOnce(courses, course.courseId(), course);
  }

  /** CourseClassified (REG-03): REFUTED bars the course; a later VERIFIED lifts that. */
  public Uni<Void> courseClassified(UUID courseId, boolean subjectType) {
    return courses
        .findById(courseId)
        .invoke(
            course -> {
              if (course != null) {
                course.classified(subjectType);
              }
            })
        .replaceWithVoid();
  }

  /** A filing StaffBlacklisted named: staff member and institution. */
  public record Filing(String staffId, String institutionId) {}

  /**
   * StaffBlacklisted (STF-06): each institution where the person is filed now employs them. Returns
   * the institutions that still do (the person's departure may have arrived first).
   */
  public Uni<List<String>> staffBlacklisted(List<Filing> currentlyFiled, Instant listedAt) {
    return Multi.createFrom()
        .iterable(currentlyFiled)
        .onItem()
        .transformToUniAndConcatenate(f -> remember(f, filing -> filing.listed(listedAt)))
        .filter(BarredStaffFiling::current)
        .map(BarredStaffFiling::institutionId)
        .collect()
        .asList();
  }

  /** StaffLeft: the person no longer works there, whether or not a listing came first. */
  public Uni<Void> staffLeft(Filing filing, Instant leftAt) {
    return remember(filing, known -> known.left(leftAt)).replaceWithVoid();
  }

  private Uni<BarredStaffFiling> remember(Filing f, Consumer<BarredStaffFiling> change) {
    return barred
        .findById(f.staffId())
        .chain(
            known -> {
              BarredStaffFiling filing =
                  known != null ? known : new BarredStaffFiling(f.staffId(), f.institutionId());
              change.accept(filing);
              return known != null ? Uni.createFrom().item(filing) : barred.persist(filing);
            });
  }
}
