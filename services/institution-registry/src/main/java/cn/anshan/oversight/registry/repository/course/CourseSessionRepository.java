package cn.anshan.oversight.registry.repository.course;

import cn.anshan.oversight.registry.domain.course.CourseSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@ApplicationScoped
public class CourseSessionRepository implements PanacheRepositoryBase<CourseSession, String> {

  /** The course's sessions starting on {@code date} (local time), for the TIM-02 break rule. */
  public Uni<List<CourseSession>> onDay(String courseId, LocalDate date) {
    return list(
        "courseId = :course and startsAt >= :from and startsAt < :to order by startsAt",
        Parameters.with("course", courseId)
            .and("from", date.atStartOfDay())
            .and("to", date.plusDays(1).atStartOfDay()));
  }

  /** One page of a course's sessions in (startsAt, sessionId) order, after the cursor. */
  public Uni<List<CourseSession>> page(
      String courseId, LocalDateTime afterStart, String afterId, int limit) {
    String query = "courseId = :course";
    Parameters params = Parameters.with("course", courseId);
    if (afterStart != null) {
      query += " and (startsAt > :afterStart or (startsAt = :afterStart and sessionId > :afterId))";
      params.and("afterStart", afterStart).and("afterId", afterId);
    }
    return find(query + " order by startsAt, sessionId", params).page(0, limit).list();
  }
}
