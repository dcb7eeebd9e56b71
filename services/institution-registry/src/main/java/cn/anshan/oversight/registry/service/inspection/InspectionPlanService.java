package cn.anshan.oversight.registry.service.inspection;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.config.InspectionSettings;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.inspection.DeclarationChecks;
import cn.anshan.oversight.registry.domain.inspection.Inspection;
import cn.anshan.oversight.registry.domain.inspection.InspectionEvents.RaisedGrade;
import cn.anshan.oversight.registry.domain.inspection.InspectionPlan;
import cn.anshan.oversight.registry.domain.inspection.InspectionType;
import cn.anshan.oversight.registry.domain.inspection.RiskGrade;
import cn.anshan.oversight.registry.domain.inspection.SamplePlanner;
import cn.anshan.oversight.registry.domain.inspection.SamplingGrade;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import cn.anshan.oversight.registry.repository.course.CourseRepository;
import cn.anshan.oversight.registry.repository.inspection.InspectionPlanRepository;
import cn.anshan.oversight.registry.repository.inspection.InspectionRepository;
import cn.anshan.oversight.registry.repository.staff.StaffRepository;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.PlanView;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.PlannedInspection;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans an inspection round in the regulator's district: every approved institution (INS-01), or a
 * random sample of the white-listed ones weighted by the grade each is sampled at (INS-02, {@link
 * SamplingGrade}) or uniform for a prepayment audit (INS-03), drawn with a published seed.
 */
@ApplicationScoped
public class InspectionPlanService {
  private static final SecureRandom SEEDS = new SecureRandom();

  private final InstitutionRepository institutions;
  private final StaffRepository staff;
  private final CourseRepository courses;
  private final InspectionPlanRepository plans;
  private final InspectionRepository inspections;
  private final Outbox outbox;
  private final OversightClock clock;
  private final InspectionSettings settings;

  public InspectionPlanService(
      InstitutionRepository institutions,
      StaffRepository staff,
      CourseRepository courses,
      InspectionPlanRepository plans,
      InspectionRepository inspections,
      Outbox outbox,
      OversightClock clock,
      InspectionSettings settings) {
    this.institutions = institutions;
    this.staff = staff;
    this.courses = courses;
    this.plans = plans;
    this.inspections = inspections;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /** What a round is drawn from: the candidates and the grade each is sampled at. */
  private record Candidates(List<Institution> institutions, Map<String, SamplingGrade> grades) {
    List<RaisedGrade> raised() {
      return institutions.stream()
          .map(Institution::institutionId)
          .filter(id -> grades.get(id).raised())
          .map(
              id -> {
                SamplingGrade grade = grades.get(id);
                return new RaisedGrade(id, grade.assigned(), grade.sampledAs(), grade.reason());
              })
          .toList();
    }
  }

  @WithTransaction
  public Uni<PlanView> plan(
      CommandContext command, InspectionType type, LocalDate scheduledFor, Long seed) {
    String district = command.actor().district();
    if (district == null) {
      throw ProblemException.forbidden("the token carries no district claim");
    }
    if (scheduledFor.isBefore(clock.today())) {
      throw new ProblemException(
          Problem.ofFields(
              List.of(new FieldError("/scheduledFor", "must not be before " + clock.today()))));
    }
    long drawSeed = seed != null ? seed : SEEDS.nextLong();
    Map<RiskGrade, BigDecimal> rates = settings.ratesFor(type);
    InspectionPlan plan =
        new InspectionPlan(
            district, type, scheduledFor, drawSeed, command.actor().subject(), clock.now());
    return candidates(district, type)
        .chain(
            candidates -> {
              List<Inspection> planned =
                  choose(type, candidates, rates, drawSeed).stream()
                      .map(id -> new Inspection(plan.id(), id, district))
                      .toList();
              List<RaisedGrade> raised = candidates.raised();
              return plans
                  .persist(plan)
                  .chain(() -> inspections.persist(planned))
                  .chain(() -> outbox.append(command, plan.planned(rates, planned, raised)))
                  .map(ignored -> view(plan, planned, raised));
            });
  }

  /**
   * Grades are raised only where they weigh the draw: a full-coverage round visits everyone, and a
   * prepayment audit (INS-03) draws the same share of every grade.
   */
  private Uni<Candidates> candidates(String district, InspectionType type) {
    if (type == InspectionType.FULL_COVERAGE) {
      return institutions
          .approvedIn(district, null)
          .map(found -> new Candidates(found, grades(found, Map.of())));
    }
    if (type != InspectionType.RANDOM_SAMPLE) {
      return institutions
          .approvedIn(district, ListStatus.WHITE)
          .map(found -> new Candidates(found, grades(found, Map.of())));
    }
    return institutions
        .approvedIn(district, ListStatus.WHITE)
        .chain(
            found ->
                declarationChecksIn(district).map(c -> new Candidates(found, grades(found, c))));
  }

  /** Staff and course declarations together, one statement after the other. */
  private Uni<Map<String, DeclarationChecks>> declarationChecksIn(String district) {
    return staff
        .declarationChecksIn(district)
        .chain(
            ofStaff ->
                courses.declarationChecksIn(district).map(ofCourses -> merged(ofStaff, ofCourses)));
  }

  private static Map<String, DeclarationChecks> merged(
      Map<String, DeclarationChecks> a, Map<String, DeclarationChecks> b) {
    Map<String, DeclarationChecks> all = new HashMap<>(a);
    b.forEach((institution, checks) -> all.merge(institution, checks, DeclarationChecks::plus));
    return all;
  }

  private static Map<String, SamplingGrade> grades(
      List<Institution> found, Map<String, DeclarationChecks> counts) {
    return found.stream()
        .collect(
            Collectors.toMap(
                Institution::institutionId,
                i ->
                    SamplingGrade.of(
                        i.riskGrade(),
                        counts.getOrDefault(i.institutionId(), DeclarationChecks.NONE))));
  }

  private static List<String> choose(
      InspectionType type, Candidates candidates, Map<RiskGrade, BigDecimal> rates, long seed) {
    if (type == InspectionType.FULL_COVERAGE) {
      return candidates.institutions().stream().map(Institution::institutionId).toList();
    }
    return SamplePlanner.draw(
        candidates.institutions().stream()
            .map(
                i ->
                    new SamplePlanner.Candidate(
                        i.institutionId(), candidates.grades().get(i.institutionId()).sampledAs()))
            .toList(),
        rates,
        seed);
  }

  private static PlanView view(
      InspectionPlan plan, List<Inspection> planned, List<RaisedGrade> raised) {
    return new PlanView(
        plan.id(),
        plan.district(),
        plan.type(),
        plan.scheduledFor(),
        plan.seed(),
        planned.stream().map(i -> new PlannedInspection(i.id(), i.institutionId())).toList(),
        raised);
  }
}
