package cn.anshan.oversight.registry.service.pricing;

import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.config.pricing.PricingSettings;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.pricing.Benchmark;
import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import cn.anshan.oversight.registry.repository.course.CourseRepository;
import cn.anshan.oversight.registry.repository.pricing.PriceScheduleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Use cases of the guided price (PRC-01 to PRC-05): a pricing officer adopts the locality's
 * benchmarks, and every filed subject course is re-checked against them in the same transaction.
 */
@ApplicationScoped
public class PricingService {
  private final PriceScheduleRepository schedules;
  private final CourseRepository courses;
  private final Outbox outbox;
  private final OversightClock clock;
  private final PricingSettings settings;
  private final PriceLocalities localities;

  public PricingService(
      PriceScheduleRepository schedules,
      CourseRepository courses,
      Outbox outbox,
      OversightClock clock,
      PricingSettings settings,
      PriceLocalities localities) {
    this.schedules = schedules;
    this.courses = courses;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    this.localities = localities;
  }

  /** Whether this adoption created the schedule, for 201 versus 200. */
  public record Adoption(PriceScheduleView schedule, boolean first) {}

  /**
   * Adopts the benchmarks as a whole. A replaced schedule needs If-Match. Each filed subject course
   * whose price the new schedule no longer allows gets a PriceViolationDetected event (PRC-03, or
   * PRC-01 when its band lost its benchmark), and each course found in violation before that the
   * new schedule allows again a PriceViolationCleared event (PRC-07: sales resume), all committed
   * with the adoption.
   */
  @WithTransaction
  public Uni<Adoption> adopt(
      CommandContext command, String locality, IfMatch ifMatch, List<Benchmark> benchmarks) {
    known(locality);
    PriceSchedule.requireWithinAuthority(locality, benchmarks, localities::of);
    return schedules
        .lock(locality)
        .chain(existing -> adopt(command, locality, ifMatch, benchmarks, existing));
  }

  private Uni<Adoption> adopt(
      CommandContext command,
      String locality,
      IfMatch ifMatch,
      List<Benchmark> benchmarks,
      PriceSchedule existing) {
    if (existing != null) {
      ifMatch.require(existing.version());
    }
    PricingPolicy policy = settings.policy();
    PriceSchedule schedule = existing != null ? existing : PriceSchedule.start(locality);
    Instant now = clock.now();
    DomainEvent adopted = schedule.adopt(benchmarks, policy, command.actor().subject(), now);
    Uni<PriceSchedule> saved =
        existing != null ? Uni.createFrom().item(schedule) : schedules.persist(schedule);
    return saved
        .call(() -> outbox.append(command, adopted))
        .chain(() -> courses.lockSubjectCourses())
        .chain(
            filed ->
                OneAtATime.count(
                    inLocality(filed, locality),
                    course -> recheck(command, schedule, policy, course, now)))
        .map(
            above -> {
              Log.infof(
                  "price schedule %s v%d adopted; %d filed courses above their ceiling",
                  locality, schedule.version(), above);
              return new Adoption(PriceScheduleView.of(schedule, policy), existing == null);
            });
  }

  private List<Course> inLocality(List<Course> filed, String locality) {
    return filed.stream().filter(c -> localities.of(c.mode()).equals(locality)).toList();
  }

  @WithSession
  public Uni<PriceScheduleView> get(String locality) {
    known(locality);
    return schedules
        .findById(locality)
        .map(schedule -> ProblemException.requireFound(schedule, "price schedule " + locality))
        .map(schedule -> PriceScheduleView.of(schedule, settings.policy()));
  }

  /** One filed course against the adopted schedule; true when it is above its ceiling now. */
  private Uni<Boolean> recheck(
      CommandContext command,
      PriceSchedule schedule,
      PricingPolicy policy,
      Course course,
      Instant now) {
    Course.PriceCheck check = course.recheckPrice(schedule, policy, now);
    return check
        .event()
        .map(event -> outbox.append(command, event))
        .orElseGet(() -> Uni.createFrom().voidItem())
        .replaceWith(check.aboveCeiling());
  }

  /**
   * PRC-02: the city's schedule prices offline courses, the licensing province's online ones; no
   * other schedule exists.
   */
  private void known(String locality) {
    if (!localities.isKnown(locality)) {
      throw ProblemException.notFound("price schedule " + locality);
    }
  }
}
