package cn.anshan.oversight.registry.service.course;

import java.util.List;

/** A page of courses; {@code next} is the cursor of the following page, null at the end. */
public record CoursePage(List<CourseView> items, String next) {}
