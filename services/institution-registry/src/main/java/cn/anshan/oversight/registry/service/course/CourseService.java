package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.config.course.ScheduleSettings;
import cn.anshan.oversight.registry.config.pricing.PricingSettings;
import cn.anshan.oversight.registry.config.staff.StaffSettings;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.course.CourseForm;
import cn.anshan.oversight.registry.domain.course.Provider;
import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import cn.anshan.oversight.registry.domain.staff.ClassStaffing;
import cn.anshan.oversight.registry.repository.course.CourseRepository;
import cn.anshan.oversight.registry.repository.pricing.PriceScheduleRepository;
import cn.anshan.oversight.registry.repository.staff.StaffRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import cn.anshan.oversight.registry.service.pricing.PriceLocalities;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Use cases of courses: file and read (their sessions are {@link CourseScheduling}'s). Who may
 * touch which course (own institution, own district, auditor, parents for the public course list)
 * is decided here.
 */
@ApplicationScoped
public class CourseService {
  private final CourseRepository courses;
  private final PriceScheduleRepository schedules;
  private final InstitutionGate gate;
  private final Outbox outbox;
  private final OversightClock clock;
  private final ScheduleSettings scheduleSettings;
  private final PricingSettings pricingSettings;
  private final RegistrySettings registrySettings;
  private final PriceLocalities localities;
  private final StaffRepository staff;
  private final StaffSettings staffSettings;

  public CourseService(
      CourseRepository courses,
      PriceScheduleRepository schedules,
      InstitutionGate gate,
      Outbox outbox,
      OversightClock clock,
      ScheduleSettings scheduleSettings,
      PricingSettings pricingSettings,
      RegistrySettings registrySettings,
      PriceLocalities localities,
      StaffRepository staff,
      StaffSettings staffSettings) {
    this.courses = courses;
    this.schedules = schedules;
    this.gate = gate;
    this.outbox = outbox;
    this.clock = clock;
    this.scheduleSettings = scheduleSettings;
    this.pricingSettings = pricingSettings;
    this.registrySettings = registrySettings;
    this.localities = localities;
    this.staff = staff;
    this.staffSettings = staffSettings;
  }

  /** The operator files a course of their own approved institution. */
  @WithTransaction
  public Uni<CourseView> file(CommandContext command, CourseForm form) {
    return gate.ownApprovedInstitution(command.actor())
        .chain(institution -> filing(institution, form))
        .chain(
            filing -> file(command, form, filing.provider(), filing.schedule(), filing.staffing()));
  }

  /** What filing a course is decided on: the provider, the price schedule, its class staffing. */
  private record Filing(Provider provider, PriceSchedule schedule, List<RuleViolation> staffing) {}

  private Uni<Filing> filing(Institution institution, CourseForm form) {
    return staff
        .roster(institution.institutionId())
        .chain(
            roster ->
                schedules
                    .readLocked(localities.of(form.mode()))
                    .map(
                        schedule ->
                            new Filing(
                                Provider.of(institution),
                                schedule,
                                classStaffing()
                                    .check(
                                        form.mode(),
                                        form.maxStudents(),
                                        institution.form().studentStages(),
                                        roster))));
  }

  private ClassStaffing classStaffing() {
    return new ClassStaffing(
        staffSettings.perClass().schoolAgeRatioMin(), staffSettings.perClass().preSchoolRatioMin());
  }

  private Uni<CourseView> file(
      CommandContext command,
      CourseForm form,
      Provider provider,
      PriceSchedule schedule,
      List<RuleViolation> staffing) {
    Course.Filed filed =
        Course.file(
            provider,
            form,
            staffing,
            scheduleSettings.limits(),
            schedule,
            pricingSettings.policy(),
            command.actor().subject(),
            clock.now());
    return courses
        .persist(filed.course())
        .call(() -> outbox.append(command, filed.event()))
        .map(saved -> CourseView.of(saved, filed.band(), filed.ceilingFen()));
  }

  @WithSession
  public Uni<CourseView> get(Actor actor, String courseId) {
    return readable(actor, courseId).chain(this::view);
  }

  /**
   * An institution's filed courses: its operator, the regulator of its district, auditors, and
   * parents, for whom filed courses and prices are public (PRC-07).
   */
  @WithSession
  public Uni<CoursePage> list(Actor actor, String institutionId, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, registrySettings.maxPageSize());
    String after = Keyset.after(cursor).id();
    Uni<Institution> institution =
        switch (actor.role()) {
          case Roles.REGULATOR -> gate.supervisedBy(actor, institutionId);
          case Roles.INSTITUTION_OPERATOR -> {
            if (!institutionId.equals(actor.institutionId())) {
              throw ProblemException.notFound("institution " + institutionId);
            }
            yield gate.approved(institutionId);
          }
          default -> gate.approved(institutionId);
        };
    return institution
        .chain(found -> courses.page(institutionId, after, size + 1))
        .chain(found -> bothSchedules().map(byLocality -> page(found, size, byLocality)));
  }

  private CoursePage page(
      List<Course> found, int size, Map<String, PriceSchedule> schedulesByLocality) {
    List<CourseView> items =
        found.stream()
            .limit(size)
            .map(c -> view(c, schedulesByLocality.get(localities.of(c.mode()))))
            .toList();
    String next = found.size() > size ? Keyset.cursor("", items.get(size - 1).courseId()) : null;
    return new CoursePage(items, next);
  }

  /**
   * Operators see their own institution's courses, regulators their district's, auditors all;
   * anything else is answered as if it did not exist.
   */
  private Uni<Course> readable(Actor actor, String courseId) {
    return courses.findById(courseId).map(course -> CourseScope.visible(actor, course, courseId));
  }

  private Uni<CourseView> view(Course course) {
    return schedules.findById(localities.of(course.mode())).map(s -> view(course, s));
  }

  /** The city's and the province's schedule (either may not be adopted yet), one after another. */
  private Uni<Map<String, PriceSchedule>> bothSchedules() {
    Map<String, PriceSchedule> byLocality = new HashMap<>();
    return schedules
        .findById(localities.of(Mode.OFFLINE))
        .invoke(s -> byLocality.put(localities.of(Mode.OFFLINE), s))
        .chain(() -> schedules.findById(localities.of(Mode.ONLINE)))
        .invoke(s -> byLocality.put(localities.of(Mode.ONLINE), s))
        .replaceWith(byLocality);
  }

  private CourseView view(Course course, PriceSchedule schedule) {
    PricingPolicy policy = pricingSettings.policy();
    return CourseView.of(
        course,
        policy.bands().bandOf(course.maxStudents()),
        course.guidedCeilingFen(schedule, policy));
  }
}
