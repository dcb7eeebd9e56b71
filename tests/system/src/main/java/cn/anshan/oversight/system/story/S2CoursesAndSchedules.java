package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_B;
import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_B;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.PRICING_OFFICER;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_LISHAN;

import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.StoryFailure;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Issue 8 step 2: operator-a files a teacher, a course and a session. A subject-type session on a
 * statutory holiday is refused (TIM-01): new subject-type institutions cannot be approved (REG-04),
 * so the subject course belongs to operator-b's institution, onboarded by the lishan regulator as
 * approved before the platform (re-registered as a 民非), with the Anshan guided price adopted by the
 * pricing officer (PRC-01/03).
 */
public final class S2CoursesAndSchedules implements Step {

  /** The filed price of operator-a's course: 40 hours = 3,200 yuan (PRE-20 cap 5,000). */
  public static final long PRICE_FEN = 8000;

  static final String TEACHER_NAME = "李晓明";

  @Override
  public String number() {
    return "2";
  }

  @Override
  public String title() {
    return "Courses and schedules are filed; a subject-type session on a statutory holiday is"
        + " refused (TIM-01)";
  }

  @Override
  public void run(StoryContext s) {
    String reg = s.urls().registry();
    s.remember("teacherIdNumber", fileTeacher(s, OPERATOR_A, INSTITUTION_A, "PRO_CERT"));
    Answer course =
        s.api()
            .as(OPERATOR_A)
            .post(
                reg + "/api/v1/courses",
                """
                {"name":"Robotics for beginners","category":"NON_SUBJECT","mode":"OFFLINE",
                 "lessonMinutes":60,"maxStudents":20,"pricePerLessonFen":%d,
                 "classification":{"purpose":"INTEREST_AND_ABILITY","content":"NON_SUBJECT_CONTENT",
                  "method":"EXPERIENCE_AND_PRACTICE","evaluation":"PROCESS_AND_SHOWCASE"},
                 "syllabusReference":"robotics-2026-spring teaching plan"}\
                """
                    .formatted(PRICE_FEN))
            .showing("courseId", "category", "pricePerLessonFen", "classSizeBand", "classification")
            .send()
            .expect(201);
    String courseId = course.text("courseId");
    s.remember("course", courseId);
    LocalDate saturday = s.today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    s.api()
        .as(OPERATOR_A)
        .post(
            reg + "/api/v1/courses/" + courseId + "/sessions",
            "{\"startsAt\":\"%sT09:00\",\"endsAt\":\"%sT10:00\"}".formatted(saturday, saturday))
        .ifMatch(course.etag())
        .showing("sessionId", "startsAt", "endsAt")
        .send()
        .expect(201);
    Answer courses =
        s.api()
            .as(PARENT_1)
            .get(reg + "/api/v1/institutions/" + INSTITUTION_A + "/courses")
            .showing("/items/0/name", "/items/0/pricePerLessonFen")
            .send()
            .expect(200);
    if (!courses.body().contains(courseId)) {
      throw new StoryFailure("parent-1 does not see the filed course: " + courses.body());
    }
    s.neverShows(courses, "staff personal data", TEACHER_NAME, s.id("teacherIdNumber"));
    s.api()
        .as(PARENT_1)
        .get(reg + "/api/v1/institutions/" + INSTITUTION_A + "/staff")
        .send()
        .expect(403);
    s.say()
        .note(
            "parents see courses and prices (PRC-07), never staff names or ID numbers (403 on"
                + " staff)");

    // the subject-type part: guided price, a grandfathered subject institution, its course
    // a fresh platform has no schedule yet: the first adoption creates it
    s.api().as(PRICING_OFFICER).get(reg + "/api/v1/price-schedules/anshan").send().expect(404);
    s.api()
        .as(PRICING_OFFICER)
        .post(
            reg + "/api/v1/price-schedules/anshan/adoption",
            """
            {"benchmarks":[{"mode":"OFFLINE","band":"10-35","fenPerStandardHour":2500},
             {"mode":"OFFLINE","band":"1-9","fenPerStandardHour":3200}]}\
            """)
        .showing("locality", "version")
        .send()
        .expect(201);
    s.api()
        .as(REGULATOR_LISHAN)
        .post(
            reg + "/api/v1/institutions/existing",
            """
                {"institutionId":"%s","institution":{"name":"Lishan Mathematics School",
                 "category":"SUBJECT","mode":"OFFLINE","district":"lishan","legalForm":"MINFEI",
                 "studentStages":["PRIMARY","JUNIOR_SECONDARY"],"premisesAreaSqm":400,
                 "maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}}\
                """
                .formatted(INSTITUTION_B))
        .showing("institutionId", "status", "category")
        .send()
        .expect(201);
    fileTeacher(s, OPERATOR_B, INSTITUTION_B, "TEACHER_CERT");
    Answer maths =
        s.api()
            .as(OPERATOR_B)
            .post(
                reg + "/api/v1/courses",
                """
                {"name":"Grade 8 mathematics","category":"SUBJECT","subject":"MATHEMATICS",
                 "mode":"OFFLINE","lessonMinutes":45,"maxStudents":20,"pricePerLessonFen":2750}\
                """)
            .showing("courseId", "subject", "pricePerLessonFen", "guidedCeilingFen")
            .send()
            .expect(201);
    // National Day, 1 October: a statutory holiday of the working-day calendar
    LocalDate holiday = LocalDate.of(s.today().getYear(), 10, 1);
    s.api()
        .as(OPERATOR_B)
        .post(
            reg + "/api/v1/courses/" + maths.text("courseId") + "/sessions",
            "{\"startsAt\":\"%sT18:00\",\"endsAt\":\"%sT18:45\"}".formatted(holiday, holiday))
        .ifMatch(maths.etag())
        .send()
        .expect(422)
        .expectRule("TIM-01");
    s.say().note("a subject-type lesson on " + holiday + " (National Day) is refused: TIM-01");
  }

  static String fileTeacher(StoryContext s, String operator, String institution, String cert) {
    String idNumber = NationalIds.random();
    s.api()
        .as(operator)
        .post(
            s.urls().registry() + "/api/v1/institutions/" + institution + "/staff",
            """
            {"name":"%s","nationalIdNumber":"%s","role":"TEACHING","fullTime":true,
             "qualification":{"type":"%s","number":"C-2101-0042"},
             "inServiceTeacher":false,"writtenLabourContract":true}\
            """
                .formatted(TEACHER_NAME, idNumber, cert))
        .showing("staffId", "role", "fullTime")
        .send()
        .expect(201);
    return idNumber;
  }
}
